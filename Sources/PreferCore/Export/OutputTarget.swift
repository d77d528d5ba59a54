import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `-o FILE` of `export` and `make-tasks` writes (SPEC §9), decided before anything is
/// written, so that `-o` never destroys what prefer did not create:
///
/// - a regular file (or a symlink to one) is replaced atomically at its real path, keeping
///   its mode (and, where allowed, its owner and group); a new file gets `newFileMode`;
/// - a device, FIFO or socket, or a symlink to one (`/dev/null`, `/dev/stdout`, a FIFO a
///   reader waits on), is written in place and never replaced;
/// - a session file (inside a rater folder, or whose first line is a session event) is
///   refused and left as it was; so are `-o ''`, a folder, and a dangling symlink.
public struct OutputTarget: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Replace the regular file at `path` (resolved) atomically; `existing` when it exists.
        case replace(path: String, mode: mode_t, existing: Bool)
        /// Open the existing non-regular file and write into it.
        case inPlace
    }

    /// The path as given.
    public let path: String
    public let kind: Kind

    /// Decides how to write `path`; throws the message for a refused target (bad usage: exit 2).
    public static func resolve(_ path: String, newFileMode: mode_t) throws(OutputTargetRefusal) -> OutputTarget {
        guard !path.isEmpty else { throw OutputTargetRefusal("-o needs a file name (it was given an empty one)") }
        if path.hasSuffix("/") {
            throw OutputTargetRefusal("-o \(path) names a folder; give a file name, e.g. -o \(path)out.jsonl")
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            // A new file: only a session-file place is refused.
            try refuseRaterFolder(path)
            return OutputTarget(path: path, kind: .replace(path: path, mode: newFileMode, existing: false))
        }
        var info = link
        var real = path
        if link.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else {
                throw OutputTargetRefusal("-o \(path) is a symbolic link to nothing; prefer will not replace the link")
            }
            if let resolved = realpath(path, nil) {
                real = String(cString: resolved)
                free(resolved)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw OutputTargetRefusal("-o \(path) is a folder; give a file name, e.g. -o \(path)/out.jsonl")
        case S_IFREG:
            try refuseRaterFolder(real)
            if startsWithSessionEvent(real) {
                throw OutputTargetRefusal("-o \(path) is a session file (its first line is a session event); prefer will not replace it")
            }
            return OutputTarget(path: path, kind: .replace(path: real, mode: info.st_mode & 0o7777, existing: true))
        default:
            return OutputTarget(path: path, kind: .inPlace)
        }
    }

    /// Opens the output: the temporary file of an atomic replacement, or the target itself.
    public func open() throws(ExportError) -> OutputFile {
        switch kind {
        case .replace(let real, let mode, let existing):
            var owner: (uid_t, gid_t)?
            var info = stat()
            if existing && stat(real, &info) == 0 { owner = (info.st_uid, info.st_gid) }
            return OutputFile(atomic: try AtomicFileWriter(path: real, mode: mode, owner: owner), shownAs: path)
        case .inPlace:
            let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw .output(path: path, operation: "open", code: errno) }
            return OutputFile(inPlace: fd, shownAs: path)
        }
    }

    private static func refuseRaterFolder(_ path: String) throws(OutputTargetRefusal) {
        let folder = AtomicFileWriter.split(path).folder
        guard let resolved = realpath(folder, nil) else { return }
        defer { free(resolved) }
        if let rater = RaterFolders().raterFolder(holding: String(cString: resolved)) {
            throw OutputTargetRefusal("-o \(path) is inside the rater folder of \(JSONWriter.quoted(rater)); reports would read it as a session file")
        }
    }

    /// Whether the first line holding anything is a session event (an object with a `type` of
    /// a session event and a `rater`), as an export or task line never is.
    static func startsWithSessionEvent(_ path: String) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 1 << 16)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let first: JSONValue? = head.withUnsafeBytes { raw in
            let lines = JSONLines(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
            return lines.first(where: { !$0.isBlank }).flatMap { try? JSONParser.parse(lines[$0]) }
        }
        guard let value = first,
              let type = value["type"]?.stringValue, value["rater"]?.stringValue != nil else { return false }
        return ["session_start", "label", "undo", "skip", "session_end"].contains(type)
    }
}

/// A target `-o` refuses, with the sentence to show (exit 2).
public struct OutputTargetRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
