/// Why a JSON object is not a valid task line.
enum TaskLineProblem: Error, Equatable {
    case missing(TaskLineSchema.Field)
    case wrongKind(TaskLineSchema.Field, String, JSONKind)
    case reason(String)

    /// The sentence after `FILE:LINE: `.
    var sentence: String {
        switch self {
        case .missing(let field): return "missing field \"\(field.name)\""
        case .wrongKind(let field, let expected, let found): return "\"\(field.name)\" must be \(expected), found \(found.name)"
        case .reason(let text): return text
        }
    }
}
