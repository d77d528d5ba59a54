#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened read-only for positional reads (`pread`), so that several threads
/// can read different parts of it at once and a task can be read back by offset later.
///
/// Errors are `InputError`s naming the file as the user gave it, with the system's reason.
final class PositionalFile: Sendable {
    /// The path as the user gave it.
    let path: String
    let descriptor: Int32
    /// Size and modification time when opened; used to notice a file changed under us.
    let stamp: Stamp

    /// What identifies the file's content cheaply: if any of these change, so may the bytes.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var device: UInt64
        var inode: UInt64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// Opens `path`, refusing directories and anything that is not a regular file.
    init(path: String) throws(InputError) {
        self.path = path
        // O_NONBLOCK so that a FIFO without a writer is refused below instead of hanging here;
        // it changes nothing for reads of a regular file.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw PositionalFile.failure(path, "cannot be opened", errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw PositionalFile.failure(path, "cannot be examined", code)
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(fd)
            throw InputError(file: path, reason: kind == S_IFDIR
                ? "is a directory, not a file"
                : "is not a regular file (prefer reads it more than once, so a pipe will not do)")
        }
        self.descriptor = fd
        self.stamp = PositionalFile.stamp(info)
    }

    #if os(Linux)
    /// An anonymous in-memory file (memfd) holding `contents`, named `name` in errors, so that
    /// bytes compiled into prefer are read by the same code as a file on disk.
    init(contents: [UInt8], name: String) throws(InputError) {
        self.path = name
        let fd = PositionalFile.memoryFile()
        guard fd >= 0 else { throw PositionalFile.failure(name, "cannot be put in memory", errno) }
        var written = 0
        while written < contents.count {
            let n = contents.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, $0.count - written, off_t(written)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = n < 0 ? errno : EIO
                close(fd)
                throw PositionalFile.failure(name, "cannot be put in memory", code)
            }
            written += n
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw PositionalFile.failure(name, "cannot be examined", code)
        }
        self.descriptor = fd
        self.stamp = PositionalFile.stamp(info)
    }

    /// A new memfd (close-on-exec). Glibc declares `memfd_create` only under _GNU_SOURCE,
    /// which Swift's Glibc module does not set, so the symbol is looked up at run time.
    private static func memoryFile() -> Int32 {
        typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "memfd_create") else {
            errno = ENOSYS
            return -1
        }
        let closeOnExec: UInt32 = 1  // MFD_CLOEXEC
        return unsafeBitCast(symbol, to: MemfdCreate.self)("prefer-bundled", closeOnExec)
    }
    #endif

    deinit { close(descriptor) }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(size: Int(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                     modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }

    /// The stamp now; differs from `stamp` when the file was written since it was opened.
    func currentStamp() -> Stamp? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? PositionalFile.stamp(info) : nil
    }

    /// True while `path` still names the file that was opened (same device and inode). A
    /// file renamed over the path, or the path removed, leaves the descriptor reading bytes
    /// nobody can see any more, which the descriptor's own stamp cannot tell.
    func pathStillNamesIt() -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return UInt64(info.st_dev) == stamp.device && UInt64(info.st_ino) == stamp.inode
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> InputError {
        InputError(file: path, reason: "\(what): \(String(cString: strerror(code)))")
    }

    /// Reads exactly `count` bytes at `offset` into `buffer`, retrying short reads; fails when
    /// the file ends first (it shrank) or the system reports an error.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(InputError) {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw PositionalFile.failure(path, "cannot be read", errno)
            }
            if got == 0 {
                throw InputError(file: path, reason: "ended early; it changed while it was being read")
            }
            done += got
        }
    }

    /// The `count` bytes at `offset`.
    func bytes(count: Int, at offset: Int) throws(InputError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        let outcome: Result<Void, InputError> = result.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return .success(()) }
            return Result { () throws(InputError) in try read(into: base, count: count, at: offset) }
        }
        try outcome.get()
        return result
    }
}
