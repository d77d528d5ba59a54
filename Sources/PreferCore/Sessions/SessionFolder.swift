#if canImport(Glibc)
import Glibc
#endif

/// The file-system steps of opening a sitting: sessions folder, rater folder, lock, new file.
///
/// Everything below the sessions folder is reached with `openat` relative to descriptors
/// opened with `O_NOFOLLOW`, so a symlink swapped in for the rater folder or the session
/// file is refused instead of followed (RELIABILITY rule 8).
enum SessionFolder {
    static let folderMode: mode_t = 0o750
    static let fileMode: mode_t = 0o640
    static let lockName = ".lock"
    /// Linux's `O_PATH` (Glibc's module map leaves it out: it needs `_GNU_SOURCE`).
    static let pathOnly: Int32 = 0o10000000

    /// Opens the sessions folder, creating it (and missing parents) when absent.
    static func openRoot(_ path: String) throws(SessionOpenError) -> Int32 {
        var created = false
        if mkdir(path, folderMode) == 0 {
            created = true
        } else if errno == ENOENT {
            try createParents(of: path)
            if mkdir(path, folderMode) == 0 {
                created = true
            } else if errno != EEXIST {
                throw .system(operation: "create the folder", path: path, errno: errno)
            }
        } else if errno != EEXIST {
            throw .system(operation: "create the folder", path: path, errno: errno)
        }
        var fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == EACCES {
            // A shared sessions folder raters may enter and write but not list (mode 3733,
            // docs/RELIABILITY.md): a path descriptor is enough for the *at calls below.
            fd = open(path, pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        if fd < 0 {
            let code = errno
            throw folderOpenError(code: code, path: path, isLink: isSymbolicLink(AT_FDCWD, path))
        }
        // mkdir inherits a parent's setgid bit (a group folder); keep it, so that the group
        // still reaches everything below (SPEC §4).
        if created && fchmod(fd, folderMode | inheritedSetgid(fd)) != 0 {
            let code = errno
            close(fd)
            throw .system(operation: "set the permissions of", path: path, errno: code)
        }
        return fd
    }

    /// Opens `<root>/<rater>` without following a link, creating it with mode 0750 when absent
    /// (02750 when the sessions folder has the setgid bit: files then keep the lead's group).
    static func openRaterFolder(rootFD: Int32, rater: String, path: String) throws(SessionOpenError) -> Int32 {
        var created = false
        // Made with exactly 0750 (umask 027 for the call; one thread runs here), so that no
        // fchmod is needed: a chmod by a rater outside the folder's group clears the setgid
        // bit mkdir inherited from a group sessions folder, and the files would then take the
        // rater's own group.
        let umaskBefore = umask(0o027)
        let made = mkdirat(rootFD, rater, folderMode)
        let madeErrno = errno
        umask(umaskBefore)
        errno = madeErrno
        if made == 0 {
            created = true
        } else if errno != EEXIST {
            throw .system(operation: "create the folder", path: path, errno: errno)
        }
        let fd = openat(rootFD, rater, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            throw folderOpenError(code: code, path: path, isLink: isSymbolicLink(rootFD, rater))
        }
        do throws(SessionOpenError) {
            if created {
                // Made 0750 above; an fchmod only if something still differs (it keeps the
                // inherited setgid bit where the kernel lets it).
                var info = stat()
                guard fstat(fd, &info) == 0,
                      info.st_mode & 0o777 == folderMode || fchmod(fd, folderMode | inheritedSetgid(fd)) == 0 else {
                    throw .system(operation: "set the permissions of", path: path, errno: errno)
                }
                // The new folder's entry lives in the parent: make it durable before files appear.
                // (EBADF: a path descriptor of a folder we may not read; nothing to flush with.)
                guard fsync(rootFD) == 0 || errno == EBADF else {
                    throw .system(operation: "flush the folder holding", path: path, errno: errno)
                }
            } else {
                try restrictExistingFolder(fd: fd, path: path)
            }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Takes the rater's exclusive lock and records our pid in it; the returned descriptor
    /// holds the lock until closed.
    static func lock(raterFD: Int32, rater: String, path: String) throws(SessionOpenError) -> Int32 {
        let fd = openat(raterFD, lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, fileMode)
        if fd < 0 {
            let code = errno
            if code == ELOOP { throw .symbolicLink(path: path) }
            throw .system(operation: "open the lock file", path: path, errno: code)
        }
        // A hard link planted as the lock (O_NOFOLLOW cannot see one) would have its target
        // chmodded and overwritten with our pid: only a plain file with one name is ours.
        var info = stat()
        if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG || info.st_nlink != 1 {
            close(fd)
            throw .plantedLink(path: path)
        }
        // Best effort: the lock file holds only a pid, and another account may own it.
        _ = fchmod(fd, fileMode)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = code == EWOULDBLOCK ? readPID(fd) : nil
            close(fd)
            if code == EWOULDBLOCK { throw .alreadyOpen(rater: rater, pid: holder) }
            throw .system(operation: "lock", path: path, errno: code)
        }
        var text = Array("\(getpid())\n".utf8)
        let count = text.count
        if ftruncate(fd, 0) != 0 || pwrite(fd, &text, count, 0) != count {
            let code = errno
            close(fd)
            throw .system(operation: "write the lock file", path: path, errno: code)
        }
        return fd
    }

    /// Creates a new session file that cannot be an old file or a planted link, mode 0640,
    /// and makes its directory entry durable.
    static func createSessionFile(raterFD: Int32, name: String, path: String) throws(SessionOpenError) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC
        let fd = openat(raterFD, name, flags, fileMode)
        if fd < 0 {
            let code = errno
            if isSymbolicLink(raterFD, name) { throw .symbolicLink(path: path) }
            if code == EEXIST { throw .sessionExists(path: path) }
            throw .system(operation: "create", path: path, errno: code)
        }
        do throws(SessionOpenError) {
            guard fchmod(fd, fileMode) == 0 else {
                throw .system(operation: "set the permissions of", path: path, errno: errno)
            }
            guard fsync(raterFD) == 0 else {
                throw .system(operation: "flush the folder holding", path: path, errno: errno)
            }
        } catch {
            close(fd)
            _ = unlinkat(raterFD, name, 0)
            throw error
        }
        return fd
    }

    // MARK: - Helpers

    /// An existing rater folder keeps a stricter or group-shared mode chosen by a lead, but
    /// one that everybody may read is narrowed to 0750.
    private static func restrictExistingFolder(fd: Int32, path: String) throws(SessionOpenError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .system(operation: "inspect", path: path, errno: errno)
        }
        let me = geteuid()
        if info.st_uid != me && me != 0 {
            throw .notYourFolder(path: path, owner: AccountName.of(info.st_uid), you: AccountName.of(me))
        }
        if info.st_mode & 0o007 != 0 && fchmod(fd, folderMode | (info.st_mode & S_ISGID)) != 0 {
            throw .system(operation: "make private (it is open to everyone)", path: path, errno: errno)
        }
    }

    /// `S_ISGID` when the folder open at `fd` has it (inherited from its parent), else 0.
    private static func inheritedSetgid(_ fd: Int32) -> mode_t {
        var info = stat()
        return fstat(fd, &info) == 0 ? info.st_mode & S_ISGID : 0
    }

    private static func createParents(of path: String) throws(SessionOpenError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        if mkdir(parent, folderMode) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw .system(operation: "create the folder", path: parent, errno: errno)
        }
        try createParents(of: parent)
        if mkdir(parent, folderMode) != 0 && errno != EEXIST {
            throw .system(operation: "create the folder", path: parent, errno: errno)
        }
    }

    private static func folderOpenError(code: Int32, path: String, isLink: Bool) -> SessionOpenError {
        if isLink || code == ELOOP { return .symbolicLink(path: path) }
        if code == ENOTDIR { return .notAFolder(path: path) }
        return .system(operation: "open the folder", path: path, errno: code)
    }

    private static func isSymbolicLink(_ dirFD: Int32, _ name: String) -> Bool {
        var info = stat()
        guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFLNK
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let digits = buffer[0..<count].prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        return Int32(String(decoding: digits, as: UTF8.self))
    }
}
