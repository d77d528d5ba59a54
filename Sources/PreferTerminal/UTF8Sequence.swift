/// Assembles one character from the bytes `wgetch` returns, so that an undecodable byte
/// becomes U+FFFD and decoding goes on with the next byte.
///
/// `wget_wch` cannot be used for this: on an invalid byte it returns ERR (EILSEQ) and the
/// bytes it had already read are lost, so the rest of a paste vanished.
struct UTF8Sequence {
    /// How long to wait for the rest of a character whose first byte has arrived.
    static let continuationWaitMs: Int32 = 50
    static let replacement: UInt32 = 0xFFFD

    private(set) var bytes: [UInt8]
    private let expected: Int

    /// Starts a character with its first byte (0x80 or more); a byte that cannot start one
    /// is complete at once (and decodes as U+FFFD).
    init(lead: UInt8) {
        bytes = [lead]
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: expected = 1
        }
    }

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Whether more continuation bytes belong to this character.
    var needsMore: Bool { bytes.count < expected }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// The character's code point, or U+FFFD for a sequence that is incomplete, overlong,
    /// a surrogate or beyond U+10FFFF.
    var scalar: UInt32 {
        guard !needsMore, bytes.count > 1 else { return Self.replacement }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else {
            return Self.replacement
        }
        return scalar.value
    }
}
