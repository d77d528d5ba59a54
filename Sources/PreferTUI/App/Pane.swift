/// The scrollable panes of the labeling screen, in `Tab` order.
public enum Pane: Int, Sendable, CaseIterable, Hashable {
    case prompt
    case response1
    case response2
    case guideline

    /// The title drawn on the pane's border.
    public var title: String {
        switch self {
        case .prompt: return "Prompt"
        case .response1: return "Response 1"
        case .response2: return "Response 2"
        case .guideline: return "Guideline"
        }
    }
}
