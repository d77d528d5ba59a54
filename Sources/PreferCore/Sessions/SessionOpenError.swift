#if canImport(Glibc)
import Glibc
#endif

/// Why a sitting's session file could not be opened; nothing has been written.
public enum SessionOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the rater's lock; `pid` is read from the lock file when it says.
    case alreadyOpen(rater: String, pid: Int32?)
    /// A folder or file where prefer expects its own is a symbolic link; it is never followed.
    case symbolicLink(path: String)
    /// The lock file is a hard link to another file, or not a regular file; writing our pid
    /// into it would overwrite someone else's file.
    case plantedLink(path: String)
    /// Something other than a folder stands where a folder is expected.
    case notAFolder(path: String)
    /// A session file of that name already exists; sittings never append to old files.
    case sessionExists(path: String)
    /// A caller-chosen session id that cannot be a file name.
    case invalidSessionID(String)
    /// A system call failed, e.g. `mkdir` with `EACCES`.
    case system(operation: String, path: String, errno: Int32)
    /// The rater folder exists but belongs to another account (squatted before the rater's
    /// first sitting): writing there would hand that account the rater's labels.
    case notYourFolder(path: String, owner: String, you: String)

    public var description: String {
        switch self {
        case .alreadyOpen(let rater, let pid):
            let holder = pid.map { "pid \($0)" } ?? "pid unknown"
            return "rater \(JSONWriter.quoted(rater)) already has a sitting open (\(holder)); finish it first"
        case .symbolicLink(let path):
            return "refusing to use \(displayedPath(path)): it is a symbolic link, and session "
                + "folders and files are never followed through links"
        case .plantedLink(let path):
            return "refusing to use \(displayedPath(path)): it is a hard link or not a regular file, "
                + "so it may be another file planted there"
        case .notAFolder(let path):
            return "\(displayedPath(path)) is not a folder"
        case .sessionExists(let path):
            return "the session file \(displayedPath(path)) already exists; a new sitting never "
                + "appends to an old file"
        case .invalidSessionID(let id):
            return "session id \(JSONWriter.quoted(id)) cannot be a file name: use letters, digits, "
                + "'.', '_' or '-', starting with a letter or digit"
        case .system(let operation, let path, let code):
            return "could not \(operation) \(displayedPath(path)): \(systemMessage(code))"
        case .notYourFolder(let path, let owner, let you):
            return "\(displayedPath(path)) belongs to \(owner), not to you (\(you)); ask the lead to remove "
                + "or rename it before your first sitting"
        }
    }
}
