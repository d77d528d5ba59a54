#if canImport(Glibc)
import Glibc
#endif

/// An event that could not be made durable; the sitting must end (SPEC §4, RELIABILITY rule 3).
public struct SessionWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in terms a rater can act on.
    public enum Cause: Sendable, Equatable {
        /// `write` failed and wrote nothing (e.g. `ENOSPC`, `EFBIG`, `EIO`).
        case writeFailed(errno: Int32)
        /// `write` wrote only part of the line (full disk, `ulimit -f`); the rest is not retried,
        /// the reader drops the torn tail.
        case shortWrite(written: Int, expected: Int)
        /// `fsync` failed: the kernel may have dropped the data, and a retry on the same
        /// descriptor could falsely report success (PostgreSQL's "fsyncgate").
        case fsyncFailed(errno: Int32)
        /// An earlier write or fsync on this file failed (its reason given), so nothing more is written.
        case earlierFailure(String)
        /// The writer was already closed.
        case closed
        /// The session file is no longer at its path (removed, or replaced by a rename, mid-
        /// sitting): what the path holds now, and the tasks labeled in this sitting, whose
        /// labels went into the file that is gone.
        case fileGone(detail: String, unsaved: [String])
    }

    /// Whether the session file itself is gone, so that even the sitting's earlier labels
    /// are not where reports look.
    public var isFileGone: Bool {
        if case .fileGone = cause { return true }
        return false
    }

    /// What was being saved, e.g. "the label".
    public var what: String
    /// The session file.
    public var path: String
    public var cause: Cause

    public init(what: String, path: String, cause: Cause) {
        self.what = what
        self.path = path
        self.cause = cause
    }

    /// The cause alone, e.g. "No space left on device".
    public var reason: String {
        switch cause {
        case .writeFailed(let code):
            return systemMessage(code)
        case .shortWrite(let written, let expected):
            return "only \(written) of \(expected) bytes could be written "
                + "(the disk is full or a file size limit is set)"
        case .fsyncFailed(let code):
            return "the file could not be flushed to disk: \(systemMessage(code))"
        case .earlierFailure(let earlier):
            return "an earlier save in this sitting failed (\(earlier)), so this file takes no more writes"
        case .closed:
            return "the session file is already closed"
        case .fileGone(let detail, let unsaved):
            let shown = unsaved.prefix(20).map { JSONWriter.quoted($0) }.joined(separator: ", ")
            let more = unsaved.count > 20 ? " and \(unsaved.count - 20) more" : ""
            return "the session file was \(detail) while the sitting ran, so the labels of this sitting "
                + "are not saved: \(shown)\(more)"
        }
    }

    public var description: String {
        "could not save \(what): \(reason) (\(displayedPath(path)))"
    }
}

/// The C library's sentence for an errno value, e.g. "No space left on device".
func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

/// A path as shown in messages: as is, or as a JSON literal when it holds hidden characters,
/// so a hostile file name cannot reach the terminal raw (RELIABILITY rule 6).
func displayedPath(_ path: String) -> String {
    path.unicodeScalars.contains(where: HiddenCharacters.isHidden) ? JSONWriter.quoted(path) : path
}
