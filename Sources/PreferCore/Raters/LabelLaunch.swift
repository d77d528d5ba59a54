import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place that says how a rater's sitting is started over SSH: the `prefer label`
/// argument vector for one rater, used by `prefer raters add` (as the forced command of an
/// `authorized_keys` line) and by `prefer serve` (spawned on the connection's pseudo terminal).
///
/// Every path is absolute (a forced command runs in the service account's home, a served
/// sitting wherever the server was started) and free of characters that could change the
/// meaning of the command once it is quoted for `sh` and for `authorized_keys`.
public struct LabelLaunch: Sendable, Equatable {
    /// What the rater labels.
    public enum Work: Sendable, Equatable {
        /// A batch file (SPEC §10): the batch decides tasks, guideline, scale and routing.
        case batch(String)
        /// A plain task file, for a lead without a batch.
        case tasks(String)
    }

    /// The `prefer` binary, absolute.
    public let executable: String
    public let work: Work
    public let rater: RaterName
    /// The sessions folder, absolute; nil leaves label's default.
    public let sessions: String?

    /// Checks and makes absolute every path (relative ones against the working folder).
    public init(executable: String, work: Work, rater: RaterName, sessions: String?) throws(LabelLaunchError) {
        self.executable = try Self.absolute(executable, what: "the prefer binary")
        switch work {
        case .batch(let path): self.work = .batch(try Self.absolute(path, what: "the batch file"))
        case .tasks(let path): self.work = .tasks(try Self.absolute(path, what: "the task file"))
        }
        self.rater = rater
        self.sessions = try sessions.map { path throws(LabelLaunchError) in try Self.absolute(path, what: "the sessions folder") }
    }

    /// The same launch for another rater.
    public func forRater(_ other: RaterName) -> LabelLaunch {
        LabelLaunch(checkedExecutable: executable, work: work, rater: other, sessions: sessions)
    }

    private init(checkedExecutable: String, work: Work, rater: RaterName, sessions: String?) {
        executable = checkedExecutable
        self.work = work
        self.rater = rater
        self.sessions = sessions
    }

    /// `argv`, starting with the executable.
    public var arguments: [String] {
        var arguments = [executable, "label"]
        switch work {
        case .batch(let path): arguments += ["--batch", path]
        case .tasks(let path): arguments += ["--tasks", path]
        }
        arguments += ["--rater", rater.value]
        if let sessions { arguments += ["--sessions", sessions] }
        return arguments
    }

    /// The arguments as one `sh` command line, each word single-quoted where it needs it.
    public var shellCommand: String { arguments.map(Self.shellQuoted).joined(separator: " ") }

    /// `sh` quoting: plain words stay as they are, others go in single quotes (a `'` inside
    /// becomes `'\''`).
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "/._-+:=@%,".utf8.contains(byte)
        }
        if plain { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Makes `path` absolute (without resolving links: the lead's path is kept as named, so
    /// a `current` symlink to this week's batch keeps working) and refuses characters that
    /// `authorized_keys` quoting cannot carry or a terminal would act on.
    static func absolute(_ path: String, what: String) throws(LabelLaunchError) -> String {
        guard !path.isEmpty else { throw LabelLaunchError("\(what): empty path") }
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard getcwd(&buffer, buffer.count) != nil else {
                throw LabelLaunchError("\(what): cannot tell the working folder to make \(JSONWriter.quoted(path)) absolute")
            }
            let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            full = (cwd == "/" ? "" : cwd) + "/" + path
        }
        full = lexicallyNormalized(full)
        if let bad = full.unicodeScalars.first(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            let shown = bad == "\"" || bad == "\\" ? "\(bad)" : "U+\(String(bad.value, radix: 16, uppercase: true))"
            throw LabelLaunchError("\(what) \(JSONWriter.quoted(full)): paths with \(shown) cannot be written into an SSH forced command; rename it")
        }
        return full
    }

    /// Removes `.`, empty and `..` components as a shell user reads them.
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// A launch that cannot be written safely.
public struct LabelLaunchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
