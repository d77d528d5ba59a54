/// What a rater compares: two responses to one prompt, or two whole conversations.
public enum TaskContent: Sendable, Equatable {
    case singleTurn(prompt: Prompt, responseA: String, responseB: String)
    case conversation(a: [Message], b: [Message])
}
