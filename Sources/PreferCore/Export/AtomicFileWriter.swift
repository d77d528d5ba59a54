#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file all at once: bytes go to a temporary file beside it, which is flushed
/// with `fsync`, renamed over the target and made durable by an `fsync` of the folder.
///
/// Readers see the old file or the whole new one, never a part; an export that fails or is
/// interrupted leaves the target as it was and removes its temporary file.
public final class AtomicFileWriter: ExportSink {
    /// The file to replace, as given.
    public let path: String
    /// Where the bytes are until `commit` (for checks such as validation before the rename).
    let temporaryPath: String
    private var fd: Int32
    private var finished = false
    /// Bytes written, and how many of them the kernel was already asked to write back.
    private var written = 0
    private var flushed = 0

    /// Creates the temporary file (`.NAME.tmp-XXXXXX` in the target's folder, so the rename
    /// stays on one file system) with `mode` whatever the umask, and `owner` (user, group)
    /// when given and allowed (a replaced file keeps its owner where the caller may set it).
    public init(path: String, mode: mode_t = 0o640, owner: (uid_t, gid_t)? = nil) throws(ExportError) {
        self.path = path
        let (folder, name) = Self.split(path)
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw .output(path: path, operation: "create a temporary file for", code: errno) }
        // mkstemp has no close-on-exec flag of its own; nothing is spawned meanwhile, but set it anyway.
        _ = fcntl(made, F_SETFD, FD_CLOEXEC)
        fd = made
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Best effort, before the mode (fchown may clear set-id bits): as another user only
        // a group we belong to can be kept, and the new file is then simply ours.
        if let owner, fchown(fd, owner.0, owner.1) != 0 { _ = fchown(fd, uid_t.max, owner.1) }
        if fchmod(fd, mode) != 0 {
            let code = errno
            discard()
            throw .output(path: path, operation: "set the permissions of", code: code)
        }
    }

    deinit { discard() }

    public func write(_ bytes: [UInt8]) throws(ExportError) {
        try writing(bytes.count) { () throws(ExportError) in try writeAll(fd, bytes, name: path) }
    }

    public func write(chunk: ExportChunk) throws(ExportError) {
        try writing(chunk.count) { () throws(ExportError) in try writeAll(fd, chunk, name: path) }
    }

    /// Runs `write` (of `count` bytes); a failed write removes the temporary file.
    private func writing(_ count: Int, _ write: () throws(ExportError) -> Void) throws(ExportError) {
        do {
            try write()
        } catch {
            discard()
            throw error
        }
        written += count
        #if os(Linux)
        // Start writing back what is written so far, without waiting (Linux starts the
        // writeback of dirty pages for POSIX_FADV_DONTNEED), so that the fsync in `commit`
        // finds little left to do for a file of a gigabyte. Only a hint: errors are found by
        // that fsync.
        if written - flushed >= 16 << 20 {
            _ = posix_fadvise(fd, off_t(flushed), off_t(written - flushed), POSIX_FADV_DONTNEED)
            flushed = written
        }
        #endif
    }

    /// Flushes the temporary file, renames it over the target and flushes the folder.
    public func commit() throws(ExportError) {
        guard !finished else { return }
        // fsync failure is final: the data may be gone from the page cache, so never retry it.
        if fsync(fd) != 0 {
            let code = errno
            discard()
            throw .output(path: path, operation: "flush to disk", code: code)
        }
        close(fd)
        fd = -1
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            finished = true
            throw .output(path: path, operation: "replace", code: code)
        }
        finished = true
        let folderFD = open(Self.split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            defer { close(folderFD) }
            if fsync(folderFD) != 0 {
                throw .output(path: path, operation: "flush the folder of", code: errno)
            }
        }
    }

    /// Removes the temporary file and leaves the target untouched; does nothing after a commit.
    public func discard() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporaryPath)
    }

    /// The folder (`.` when none is named) and the file name of `path`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
