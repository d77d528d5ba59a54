/// The shared context shown above both responses of a single-turn task.
public enum Prompt: Sendable, Equatable {
    case text(String)
    case messages([Message])
}
