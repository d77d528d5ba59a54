#if canImport(Glibc)
import Glibc
#endif

/// An opened `-o` target (`OutputTarget.open`): an atomic replacement committed at the end, or
/// a device or FIFO written in place (nothing to commit; what was written stays written).
public final class OutputFile: ExportSink {
    private let atomic: AtomicFileWriter?
    private var fd: Int32
    /// The path as the user gave it, for messages.
    public let shownAs: String

    init(atomic: AtomicFileWriter, shownAs: String) {
        self.atomic = atomic
        fd = -1
        self.shownAs = shownAs
    }

    init(inPlace fd: Int32, shownAs: String) {
        atomic = nil
        self.fd = fd
        self.shownAs = shownAs
    }

    deinit { discard() }

    /// Whether bytes go straight into the target (so a failure can leave part of them there).
    public var writesInPlace: Bool { atomic == nil }

    /// The temporary file of an atomic replacement (to validate it before `commit`).
    var temporaryPath: String? { atomic?.temporaryPath }

    public func write(_ bytes: [UInt8]) throws(ExportError) {
        if let atomic { return try atomic.write(bytes) }
        try writeAll(fd, bytes, name: shownAs)
    }

    public func write(chunk: ExportChunk) throws(ExportError) {
        if let atomic { return try atomic.write(chunk: chunk) }
        try writeAll(fd, chunk, name: shownAs)
    }

    /// Makes the output final: renames the replacement into place, or closes the target.
    public func commit() throws(ExportError) {
        if let atomic { return try atomic.commit() }
        guard fd >= 0 else { return }
        let result = close(fd)
        fd = -1
        if result != 0 && errno != EINTR { throw .output(path: shownAs, operation: "finish writing", code: errno) }
    }

    /// Leaves a replaced target as it was; closes an in-place one.
    public func discard() {
        atomic?.discard()
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}
