import Foundation
import XCTest

/// Drives a command in a private tmux server of a fixed size, the way a rater's terminal
/// would: keys in with `send-keys`, the screen out with `capture-pane`.
final class TmuxSession {
    let socket: String
    let statusFile: String
    private(set) var alive = true

    /// Starts `command` (argv) in `directory` inside a new tmux server.
    init(_ command: [String], cols: Int = 80, rows: Int = 24, directory: String,
         environment: [String: String] = [:]) throws {
        socket = "prefer-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        statusFile = directory + "/.exit-status-\(socket)"
        let env = environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { mine, _ in mine }
        let exports = env.map { "\($0.key)=\(Self.shellQuote($0.value))" }.joined(separator: " ")
        let commandLine = command.map(Self.shellQuote).joined(separator: " ")
        // The wrapper records the exit status and keeps stderr's last words on screen.
        let script = "cd \(Self.shellQuote(directory)) && env \(exports) \(commandLine) 2>\(Self.shellQuote(statusFile)).err; "
            + "echo $? > \(Self.shellQuote(statusFile)); cat \(Self.shellQuote(statusFile)).err; sleep 30"
        // The server forks from this call and would hold a captured stdout open forever.
        try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
                       "-x", String(cols), "-y", String(rows), "sh", "-c", script], capture: false)
        _ = try? Self.tmux(["-L", socket, "set-option", "-g", "status", "off"])
    }

    deinit { kill() }

    func kill() {
        guard alive else { return }
        alive = false
        _ = try? Self.tmux(["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: statusFile)
        try? FileManager.default.removeItem(atPath: statusFile + ".err")
    }

    /// Types literal text (each character a key).
    func type(_ text: String) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "e2e", "-l", text])
    }

    /// Presses named keys (`Tab`, `Enter`, `Escape`, `Down`, `NPage`, `C-z`, …).
    func press(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "e2e"] + keys)
    }

    /// The visible screen, one string per row, trailing blanks trimmed.
    func screen() -> [String] {
        let text = (try? Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "e2e"])) ?? ""
        return text.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    /// The screen with attributes as escape sequences (`capture-pane -e`).
    func screenWithAttributes() -> String {
        (try? Self.tmux(["-L", socket, "capture-pane", "-p", "-e", "-t", "e2e"])) ?? ""
    }

    /// A tmux format value of the pane, e.g. `#{pane_title}`.
    func paneValue(_ format: String) -> String {
        ((try? Self.tmux(["-L", socket, "display-message", "-p", "-t", "e2e", format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies every byte the command sends to the terminal from now on into `path`
    /// (`pipe-pane`), to check what reached the terminal rather than what tmux drew.
    func recordOutput(to path: String) throws {
        try Self.tmux(["-L", socket, "pipe-pane", "-O", "-t", "e2e", "cat >> " + Self.shellQuote(path)])
    }

    func resize(cols: Int, rows: Int) throws {
        try Self.tmux(["-L", socket, "resize-window", "-t", "e2e", "-x", String(cols), "-y", String(rows)])
    }

    /// Waits until the screen holds `text`; fails the test with the screen when it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().joined(separator: "\n").contains(text) { return true }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \"\(text)\"; screen:\n" + screen().joined(separator: "\n"), file: file, line: line)
        return false
    }

    /// The command's exit status once it has ended, waiting up to `timeout`.
    func exitStatus(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        return nil
    }

    /// What the command wrote to stderr.
    var standardError: String {
        (try? String(contentsOfFile: statusFile + ".err", encoding: .utf8)) ?? ""
    }

    /// The pid of the command under test (the child of the wrapper shell).
    func commandPID(named name: String = "prefer") -> pid_t? {
        guard let shell = pid_t(paneValue("#{pane_pid}")) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }.first
    }

    @discardableResult
    static func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let result = try ChildProcess.run(["tmux"] + arguments, capture: capture)
        guard result.status == 0 else {
            throw NSError(domain: "tmux", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")) failed"])
        }
        return result.stdout
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
