/// Why an export (or any file `prefer` writes whole, such as `make-tasks -o`) stopped.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input went wrong while exporting, e.g. the task file changed after it was loaded.
    case input(InputError)
    /// A system call on the output failed: `operation` is a phrase such as "write to".
    case output(path: String, operation: String, code: Int32)

    public var description: String {
        switch self {
        case .input(let error):
            return error.description
        case .output(let path, let operation, let code):
            return "could not \(operation) \(displayedPath(path)): \(systemMessage(code))"
        }
    }
}
