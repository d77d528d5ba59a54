/// Why label data could not be turned into a rating matrix; each case reads as a sentence.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--categories` was given but is empty.
    case noCategories
    /// `--categories` names one category twice.
    case duplicateCategory(String)
    /// `--categories` contains an empty name (for example `a,,b`).
    case emptyCategory
    /// A label's choice is not among the declared categories.
    case unknownChoice(choice: String, item: String, rater: String, declared: [String])
    /// The same rater has two effective labels on one item; the caller must resolve undo first.
    case duplicateLabel(item: String, rater: String)

    public var description: String {
        switch self {
        case .noCategories:
            return "--categories lists no category"
        case .duplicateCategory(let name):
            return "--categories lists \"\(name)\" more than once"
        case .emptyCategory:
            return "--categories contains an empty category name"
        case let .unknownChoice(choice, item, rater, declared):
            let list = declared.map { "\"\($0)\"" }.joined(separator: ", ")
            return "rater \"\(rater)\" chose \"\(choice)\" on task \"\(item)\", which is not among the declared categories (\(list))"
        case let .duplicateLabel(item, rater):
            return "rater \"\(rater)\" has more than one effective label on task \"\(item)\""
        }
    }
}
