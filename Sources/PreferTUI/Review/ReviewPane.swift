/// The scrollable panes of the review screen, in `Tab` order. Responses keep the task
/// file's sides: A on the left, B on the right.
public enum ReviewPane: Int, Sendable, CaseIterable, Hashable {
    case prompt
    case responseA
    case responseB
    /// The raters' choices, sides, times and notes.
    case votes
    case guideline

    public var title: String {
        switch self {
        case .prompt: return "Prompt"
        case .responseA: return "Response A"
        case .responseB: return "Response B"
        case .votes: return "Labels"
        case .guideline: return "Guideline"
        }
    }
}
