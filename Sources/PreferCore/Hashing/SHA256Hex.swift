import Crypto

/// SHA-256 digests as lowercase hex, the form written into session files (`task_sha256`,
/// `tasks_sha256`, `guideline_sha256`).
public enum SHA256Hex {
    /// The digest of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hex(hasher.finalize())
    }

    /// The digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func of(text: String) -> String {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of a whole file, read in chunks so that memory stays small for any size.
    public static func of(file path: String) throws(InputError) -> String {
        let file = try PositionalFile(path: path)
        return try of(file, count: file.stamp.size)
    }

    /// The digest of the first `count` bytes of an open file.
    static func of(_ file: PositionalFile, count: Int) throws(InputError) -> String {
        let chunk = min(max(count, 1), 1 << 20)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var offset = 0
        while offset < count {
            let length = min(chunk, count - offset)
            try file.read(into: buffer.baseAddress!, count: length, at: offset)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
            offset += length
        }
        return hex(hasher.finalize())
    }

    /// Appends the 32 bytes of the digest of `bytes` to `digests` (a scan that keeps the
    /// digests of many lines, made hex only for those asked for).
    static func appendDigest(of bytes: UnsafeRawBufferPointer, to digests: inout [UInt8]) {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        hasher.finalize().withUnsafeBytes { digests.append(contentsOf: $0) }
    }

    /// Lowercase hex of a digest, made in place (an export makes one per labeled task).
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { hex($0) }
    }

    /// Lowercase hex of a digest's bytes.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { out in
            for (k, byte) in bytes.enumerated() {
                out[2 * k] = hexDigit(byte >> 4)
                out[2 * k + 1] = hexDigit(byte & 0x0F)
            }
            return 2 * bytes.count
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
