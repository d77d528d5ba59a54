import Crypto

/// A SHA-256 digest held as its 32 bytes, inline: what a scan keeps of many task lines (a hex
/// `String` took ~130 bytes of heap a line, 130 MB at a million tasks). Swift-crypto's own
/// `SHA256.Digest` is not `Sendable`, and the scan's slices cross threads.
public struct SHA256Bytes: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest of `bytes`.
    init(of bytes: UnsafeRawBufferPointer) {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        words = hasher.finalize().withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    public static func == (a: SHA256Bytes, b: SHA256Bytes) -> Bool { a.words == b.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// Calls `body` with the 32 bytes.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        Swift.withUnsafeBytes(of: words) { body($0) }
    }

    /// Lowercase hex, as session files write it.
    public var hex: String { withUnsafeBytes { SHA256Hex.hex($0) } }
}
