import Foundation
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
    static func result(_ message: String) throws { try output(Sanitizer.singleLine(message) + "\n", naming: "the result") }

    /// Writes a command's result `text` to stdout as it stands; a write that fails (a closed
    /// pipe, a terminal that hung up) ends the command (exit 1), saying `what` was not written.
    static func output(_ text: String, naming what: String) throws {
        let failure = StandardStream.output.write(text)
        if failure != 0 {
            throw CommandFailure.runtime("\(what) could not be written to standard output: \(String(cString: strerror(failure)))")
        }
    }

    /// Writes each line of `message` sanitized, newline-separated.
    static func raw(_ message: String) {
        let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.singleLine(String($0)) }
            .joined(separator: "\n")
        StandardStream.error.write(safe + "\n")
    }
}
