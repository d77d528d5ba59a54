#if canImport(Glibc)
import Glibc
#endif

/// Where export bytes go: standard output, an atomically replaced file, or memory in tests.
public protocol ExportSink: AnyObject {
    /// Writes all of `bytes`, or throws.
    func write(_ bytes: [UInt8]) throws(ExportError)
    /// Writes a finished chunk's pieces in order, or throws.
    func write(chunk: ExportChunk) throws(ExportError)
}

extension ExportSink {
    /// Joins the pieces and writes them as one array.
    public func write(chunk: ExportChunk) throws(ExportError) {
        try write(chunk.joined())
    }
}

/// Writes to an open descriptor (standard output), retrying short writes and `EINTR`.
public final class FileDescriptorSink: ExportSink {
    public let fd: Int32
    /// How the descriptor is named in errors, e.g. "standard output".
    public let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    public func write(_ bytes: [UInt8]) throws(ExportError) {
        try writeAll(fd, bytes, name: name)
    }

    public func write(chunk: ExportChunk) throws(ExportError) {
        try writeAll(fd, chunk, name: name)
    }
}

/// Collects the bytes in memory.
public final class MemorySink: ExportSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: [UInt8]) throws(ExportError) {
        self.bytes.append(contentsOf: bytes)
    }
}

/// Writes every byte of `bytes` to `fd` (see `writeVectors`); a write that fails is an error
/// naming `name`.
func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws(ExportError) {
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var vector = iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: raw.count)
        failure = withUnsafeMutablePointer(to: &vector) { writeVectors(fd, UnsafeMutableBufferPointer(start: $0, count: 1)) }
    }
    if failure != 0 { throw .output(path: name, operation: "write to", code: failure) }
}
