/// Why `make-tasks` made no task file.
public enum MakeTasksError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file is unreadable or has bad records (exit 2).
    case invalidInput(ValidationFailure)
    /// The options do not fit the inputs, e.g. an unknown model (exit 2).
    case usage(String)
    /// Writing the task file failed (exit 1).
    case output(ExportError)
    /// The tasks made do not pass task-file validation; a bug, reported rather than written (exit 1).
    case invalidOutput(ValidationFailure)

    public var description: String {
        switch self {
        case .invalidInput(let failure): return failure.description
        case .usage(let message): return message
        case .output(let error): return error.description
        case .invalidOutput(let failure):
            return "the tasks made do not pass validation, so nothing was written:\n\(failure.description)"
        }
    }
}
