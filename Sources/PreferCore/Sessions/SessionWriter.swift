import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The durable, append-only session file of one sitting (SPEC §4, RELIABILITY rules 1–5, 8).
///
/// Each `append` is one `write` of a whole line followed by `fsync`; when it returns, the
/// event is on disk. After any failed write or fsync the writer refuses all further events
/// without touching the descriptor again. Used from one thread.
public final class SessionWriter {
    /// The session file, as `<sessionsRoot>/<rater>/<sessionID>.jsonl`.
    public let filePath: String
    /// The sitting's id: the file's base name without `.jsonl`, written as `session`.
    public let sessionID: String
    /// The rater whose folder and lock this writer holds.
    public let rater: RaterName

    private var fd: Int32
    private var lockFD: Int32
    private let calls: FileSystemCalls
    private var failure: SessionWriteError?
    /// Tasks labeled in this sitting, in order: what is lost if the file goes.
    private var labeledTasks: [String] = []

    private init(filePath: String, sessionID: String, rater: RaterName, fd: Int32, lockFD: Int32,
                 calls: FileSystemCalls) {
        self.filePath = filePath
        self.sessionID = sessionID
        self.rater = rater
        self.fd = fd
        self.lockFD = lockFD
        self.calls = calls
    }

    deinit {
        close()
    }

    /// Opens a new sitting for `rater` under `sessionsRoot`: creates the folders (0750), takes
    /// the rater's lock, and creates a new file named from `now` (or `sessionID` when given).
    public static func open(sessionsRoot: String, rater: RaterName, now: Date, sessionID: String? = nil,
                            calls: FileSystemCalls = .system) throws(SessionOpenError) -> SessionWriter {
        // A write past `ulimit -f` would otherwise kill the process with SIGXFSZ before it can
        // tell the rater anything; ignored, the write returns EFBIG or a short count instead.
        signal(SIGXFSZ, SIG_IGN)
        if let sessionID, !isValidSessionID(sessionID) { throw .invalidSessionID(sessionID) }

        let root = trimmedRoot(sessionsRoot)
        let raterPath = root + "/" + rater.value
        let rootFD = try SessionFolder.openRoot(root)
        defer { Glibc.close(rootFD) }
        let raterFD = try SessionFolder.openRaterFolder(rootFD: rootFD, rater: rater.value, path: raterPath)
        defer { Glibc.close(raterFD) }
        let lockFD = try SessionFolder.lock(raterFD: raterFD, rater: rater.value,
                                            path: raterPath + "/" + SessionFolder.lockName)

        // A generated name that collides (same second, same random part) just draws again.
        var attempts = 0
        while true {
            attempts += 1
            let id = sessionID ?? (Timestamp.fileStamp(now) + "-" + randomHex())
            let path = raterPath + "/" + id + ".jsonl"
            do {
                let fd = try SessionFolder.createSessionFile(raterFD: raterFD, name: id + ".jsonl", path: path)
                return SessionWriter(filePath: path, sessionID: id, rater: rater, fd: fd, lockFD: lockFD,
                                     calls: calls)
            } catch {
                if case .sessionExists = error, sessionID == nil, attempts < 5 { continue }
                Glibc.close(lockFD)
                throw error
            }
        }
    }

    /// The session file's descriptor (-1 once closed), for tests that check its flags.
    var fileDescriptor: Int32 { fd }

    /// True once a write or fsync has failed; every later `append` throws.
    public var hasFailed: Bool { failure != nil }

    /// True once the file was found removed or replaced: nothing of this sitting is saved.
    public var lostFile: Bool { failure?.isFileGone ?? false }

    /// Writes `event` as one line with one `write`, then `fsync`s; returns only when durable.
    public func append(_ event: SessionEvent) throws(SessionWriteError) {
        let what = event.body.noun
        if let failure {
            throw SessionWriteError(what: what, path: filePath, cause: .earlierFailure(failure.reason))
        }
        guard fd >= 0 else { throw SessionWriteError(what: what, path: filePath, cause: .closed) }

        let line = event.encodedLine(session: sessionID, rater: rater.value)
        var written: Int
        repeat {
            // EINTR means nothing was written, so trying again still gives one write of the line.
            written = line.withUnsafeBytes { calls.write(fd, $0) }
        } while written == -Int(EINTR)
        if written < 0 {
            try fail(SessionWriteError(what: what, path: filePath, cause: .writeFailed(errno: Int32(-written))))
        }
        if written != line.count {
            // The rest is not written: a second write could interleave with nothing, but a
            // partial line is what readers already drop as a torn tail.
            try fail(SessionWriteError(what: what, path: filePath,
                                       cause: .shortWrite(written: written, expected: line.count)))
        }
        let synced = calls.fsync(fd)
        if synced != 0 {
            try fail(SessionWriteError(what: what, path: filePath, cause: .fsyncFailed(errno: Int32(-synced))))
        }
        if case .label(let info) = event.body { labeledTasks.append(info.task) }
        // Durable, but in the file reports read only if the path still names it (SPEC §4):
        // after `rm` or a `mv` over it the write went into a file nobody will find.
        if let gone = goneDetail() {
            try fail(SessionWriteError(what: what, path: filePath, cause: .fileGone(detail: gone, unsaved: labeledTasks)))
        }
    }

    /// Why the descriptor is no longer the file at `filePath`, or nil while it is: same device
    /// and inode (`fstat` vs `lstat`) and still linked.
    private func goneDetail() -> String? {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0 else { return "lost (\(systemMessage(errno)))" }
        guard lstat(filePath, &named) == 0 else { return "removed" }
        if open.st_nlink == 0 { return "replaced by another file" }
        if open.st_dev != named.st_dev || open.st_ino != named.st_ino { return "replaced by another file" }
        return nil
    }

    /// Closes the file and releases the rater's lock; safe to call more than once.
    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
        if lockFD >= 0 {
            flock(lockFD, LOCK_UN)
            Glibc.close(lockFD)
            lockFD = -1
        }
    }

    private func fail(_ error: SessionWriteError) throws(SessionWriteError) {
        failure = error
        throw error
    }

    /// Drops trailing slashes: with one, `open(O_NOFOLLOW)` would resolve a symlinked folder.
    private static func trimmedRoot(_ path: String) -> String {
        var root = path.isEmpty ? "." : path
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        return root
    }

    /// A caller-chosen id must be a plain file name, like a rater name but up to 128 bytes.
    private static func isValidSessionID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= 128, first != UInt8(ascii: "."),
              first != UInt8(ascii: "-"), first != UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    private static func randomHex() -> String {
        let value = UInt32.random(in: .min ... .max)
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
