#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
