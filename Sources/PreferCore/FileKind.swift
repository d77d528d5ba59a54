#if canImport(Glibc)
import Glibc
#endif

/// What kind of file system object a path is, in the words messages use ("a FIFO"), so that
/// every command refuses a planted FIFO or device before opening it (an `open` of a FIFO
/// blocks until a writer comes; a device can be read forever).
public enum FileKind {
    /// The `S_IFMT` bits of `path`, following links, or nil when it cannot be examined.
    public static func of(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// "a FIFO", "a symbolic link", … for a kind from `S_IFMT`.
    public static func name(_ kind: mode_t) -> String {
        switch kind {
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        case S_IFREG: return "a regular file"
        default: return "of an unknown kind"
        }
    }
}
