import Crypto

/// SHA-256 digests as lowercase hex, the form written into session files (`task_sha256`,
/// `tasks_sha256`, `guideline_sha256`).
public enum SHA256Hex {
    /// The digest of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        SHA256Bytes(of: bytes).hex
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

    /// Whether `text` is 64 lowercase hex digits: a digest as prefer writes it, which a reader
    /// may keep as its 32 bytes (`appendBytes(ofHex:to:)`) and give back unchanged (`hex`).
    static func isDigestHex(_ text: UnsafeRawBufferPointer) -> Bool {
        text.count == 64 && text.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Appends the 32 bytes that the 64 lowercase hex digits `hex` (`isDigestHex`) stand for.
    static func appendBytes(ofHex hex: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        @inline(__always) func nibble(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : c - 0x61 + 10 }
        for k in 0..<32 { out.append(nibble(hex[2 * k]) << 4 | nibble(hex[2 * k + 1])) }
    }

    /// Whether the 32 bytes at `raw` are the digest that `hex` writes (64 lowercase hex digits).
    static func bytes(_ raw: UnsafeRawPointer, equalHex hex: String) -> Bool {
        var hex = hex
        return hex.withUTF8 { text in
            guard text.count == 64 else { return false }
            for k in 0..<32 {
                let byte = raw.load(fromByteOffset: k, as: UInt8.self)
                guard text[2 * k] == hexDigit(byte >> 4), text[2 * k + 1] == hexDigit(byte & 0x0F) else { return false }
            }
            return true
        }
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
