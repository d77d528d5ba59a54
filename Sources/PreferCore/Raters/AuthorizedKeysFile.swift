import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The service account's `authorized_keys`, with the raters prefer manages in it.
///
/// A rater's line is `restrict,pty,command="<prefer label … --rater NAME>" TYPE BASE64
/// prefer-rater:NAME`: `restrict` turns off every forwarding, agent, X11 and `~/.ssh/rc`,
/// `pty` gives back the terminal the labeling screen needs, and the forced command ignores
/// whatever the client asked to run, so the key alone decides the rater (SPEC §11). Lines
/// prefer did not write are kept byte for byte, and their keys count for the duplicate check.
public struct AuthorizedKeysFile: Sendable {
    /// A rater line written by `prefer raters add`.
    public struct RaterLine: Sendable, Equatable {
        public let rater: String
        public let key: OpenSSHPublicKey
        /// The forced command as written (without its quotes).
        public let command: String
        public let line: Int
    }

    /// The comment that marks a line as prefer's, followed by the rater name.
    static let marker = "prefer-rater:"
    /// The mode of a new file: sshd's StrictModes refuses group- or world-writable ones.
    public static let newFileMode: mode_t = 0o600
    static let maximumBytes = 16 << 20

    public let path: String
    /// The lines as read (without `\n`).
    private(set) var lines: [String]
    /// Mode and owner of the file as found, kept when it is replaced; nil for a new file.
    let existing: (mode: mode_t, uid: uid_t, gid: gid_t)?

    /// Reads `path`; a missing file is an empty one.
    public init(path: String) throws(InputError) {
        self.path = path
        var status = stat()
        if lstat(path, &status) != 0 {
            guard errno == ENOENT else {
                throw InputError(file: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            lines = []
            existing = nil
            return
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(file: path, reason: "not a regular file (a symlink is not followed)")
        }
        existing = (status.st_mode & 0o7777, status.st_uid, status.st_gid)
        lines = try RaterTextFile.lines(path, maximumBytes: Self.maximumBytes).map { String($0.1) }
    }

    /// The rater lines, in file order.
    public var raters: [RaterLine] {
        lines.enumerated().compactMap { index, line in Self.raterLine(line, number: index + 1) }
    }

    /// Appends the line for `launch.rater` with `key`; refuses a rater or a key already in
    /// the file (any line's key: one key must never log in as two people).
    public mutating func add(_ launch: LabelLaunch, key: OpenSSHPublicKey) throws(InputError) {
        let name = launch.rater.value
        if let line = raters.first(where: { $0.rater == name }) {
            throw InputError(file: path, line: line.line, reason: "rater \(name) is already here; `prefer raters remove \(name)` first to change the key or batch")
        }
        for (index, line) in lines.enumerated() where Self.key(of: line) == key {
            let owner = Self.raterLine(line, number: index + 1).map { "rater \($0.rater)'s" } ?? "another login's"
            throw InputError(file: path, line: index + 1, reason: "this key is already \(owner) key; one key is one rater")
        }
        lines.append(Self.line(for: launch, key: key))
    }

    /// Removes the line of `rater`; an unknown name is an error.
    public mutating func remove(_ rater: RaterName) throws(InputError) {
        guard let line = raters.first(where: { $0.rater == rater.value }) else {
            throw InputError(file: path, reason: "no rater \(rater.value) here (`prefer raters list` shows who is)")
        }
        lines.remove(at: line.line - 1)
    }

    /// Replaces the file atomically, keeping its mode and owner (`0600` and this account for
    /// a new one).
    public func write() throws(ExportError) {
        let mode = existing?.mode ?? Self.newFileMode
        let owner = existing.map { ($0.uid, $0.gid) }
        let writer = try AtomicFileWriter(path: path, mode: mode, owner: owner)
        let text = lines.map { $0 + "\n" }.joined()
        try writer.write(Array(text.utf8))
        try writer.commit()
    }

    /// The line that makes `key` open a sitting of `launch` and nothing else.
    public static func line(for launch: LabelLaunch, key: OpenSSHPublicKey) -> String {
        "restrict,pty,command=\"\(launch.shellCommand)\" \(key.text) \(marker)\(launch.rater.value)"
    }

    /// The rater line `line` is, when prefer wrote it.
    static func raterLine(_ line: String, number: Int) -> RaterLine? {
        guard let lastSpace = line.lastIndex(of: " ") else { return nil }
        let comment = line[line.index(after: lastSpace)...]
        guard comment.hasPrefix(marker), let key = key(of: line) else { return nil }
        let name = String(comment.dropFirst(marker.count))
        guard RaterName.isValid(name) else { return nil }
        let command = commandOption(of: line) ?? ""
        return RaterLine(rater: name, key: key, command: command, line: number)
    }

    /// The key of any `authorized_keys` line (options skipped), or nil for blank, comment
    /// and unparsable lines.
    static func key(of line: String) -> OpenSSHPublicKey? {
        let body = Substring(line).drop(while: { $0 == " " || $0 == "\t" })
        guard !body.isEmpty, !body.hasPrefix("#") else { return nil }
        if let key = try? OpenSSHPublicKey(parsing: body) { return key }
        let rest = afterOptions(body).drop(while: { $0 == " " || $0 == "\t" })
        return try? OpenSSHPublicKey(parsing: rest)
    }

    /// What follows the options field: options end at the first space outside double
    /// quotes (inside them `\"` is a quote, as sshd reads it).
    static func afterOptions(_ body: Substring) -> Substring {
        var quoted = false
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if character == "\\" && quoted {
                index = body.index(after: index)
                if index < body.endIndex { index = body.index(after: index) }
                continue
            }
            if character == "\"" { quoted.toggle() }
            if !quoted && (character == " " || character == "\t") { return body[index...] }
            index = body.index(after: index)
        }
        return body[body.endIndex...]
    }

    /// The value of `command="…"` in the options field.
    static func commandOption(of line: String) -> String? {
        guard let start = line.range(of: "command=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
