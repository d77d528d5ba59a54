import PreferCore
import PreferTUI

/// Chatter and errors go to stderr, always through the sanitizer, because messages quote
/// file names and input text that may hold escape sequences. A terminal that hung up or a
/// closed pipe loses the message, never the process (see `StandardStream`).
enum Diagnostics {
    static func error(_ message: String) { raw("prefer: " + message) }
    static func warning(_ message: String) { raw("prefer: warning: " + message) }
    static func note(_ message: String) { raw(message) }

    /// A command's result line (validate's `ok` lines) on stdout, sanitized like the rest.
    /// - Returns: 0, or the errno of a write that failed.
    static func result(_ message: String) -> Int32 {
        StandardStream.output.write(Sanitizer.singleLine(message) + "\n")
    }

    /// Writes each line of `message` sanitized, newline-separated.
    static func raw(_ message: String) {
        let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.singleLine(String($0)) }
            .joined(separator: "\n")
        StandardStream.error.write(safe + "\n")
    }
}
