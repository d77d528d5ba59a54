#if canImport(Glibc)
import Glibc
#endif

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
