/// An error that ends a command with a message and a documented exit status
/// (2 for bad usage or bad input, 1 for a runtime failure).
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure { .init(message: message, exitCode: 2) }
    static func runtime(_ message: String) -> CommandFailure { .init(message: message, exitCode: 1) }
    /// Inputs that could not be read: a runtime failure when only files another account locked
    /// away failed (`isOnlyUnreadableFiles`; nothing is wrong with them), bad input otherwise.
    static func reading(_ message: String, onlyUnreadable: Bool) -> CommandFailure { onlyUnreadable ? runtime(message) : badInput(message) }

    /// `body`'s value; an error it throws ends the command as bad input, in the error's own
    /// words (every error prefer throws describes itself) followed by `suffix`.
    static func asBadInput<T>(adding suffix: String = "", _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw badInput(String(describing: error) + suffix) }
    }

    /// `asBadInput`, as a runtime failure.
    static func asRuntime<T>(adding suffix: String = "", _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw runtime(String(describing: error) + suffix) }
    }
}
