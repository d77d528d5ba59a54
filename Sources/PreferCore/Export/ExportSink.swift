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
