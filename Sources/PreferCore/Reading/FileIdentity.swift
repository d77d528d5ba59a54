#if canImport(Glibc)
import Glibc
#endif

/// Which file a path named when it was read, and how long it was: a `SessionLogTail` compares
/// it with what the path names now to tell a file that grew from one that was replaced
/// (another inode: a copy, an editor's save, a restore from backup) or cut short.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    /// Bytes of the file that were read (its size when the reading ended).
    var size: Int

    init(device: UInt64, inode: UInt64, size: Int) {
        self.device = device
        self.inode = inode
        self.size = size
    }

    init(_ info: stat, size: Int) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: size)
    }

    /// What `path` names now (following a link only when `followLink`); nil when it names
    /// nothing readable.
    static func current(_ path: String, followLink: Bool) -> FileIdentity? {
        var info = stat()
        let status = followLink ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return nil }
        return FileIdentity(info, size: Int(info.st_size))
    }

    func isSameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}
