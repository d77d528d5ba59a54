/// An error that ends a command with a message and a documented exit status
/// (2 for bad usage or bad input, 1 for a runtime failure).
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure { .init(message: message, exitCode: 2) }
    static func runtime(_ message: String) -> CommandFailure { .init(message: message, exitCode: 1) }
}
