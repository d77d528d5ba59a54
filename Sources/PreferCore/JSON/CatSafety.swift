/// Whether raw JSON bytes can be copied to an export as they are: no byte a terminal would act
/// on (C0 controls, DEL) and no scalar `HiddenCharacters` reports (C1 controls, bidi and other
/// format characters). Strings that fail are decoded and written again with `JSONWriter`.
enum CatSafety {
    /// Checks `range` of `bytes`, which must be valid UTF-8 (the scanner validated it).
    static func isSafe(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        // The table is fetched once per call: read as a global inside the loop, every byte
        // looked up paid for the check that it is initialized.
        byteClass.withUnsafeBufferPointer { isSafe(bytes, range, byteClass: $0) }
    }

    private static func isSafe(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                               byteClass: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !range.isEmpty else { return true }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var i = range.lowerBound
        let end = range.upperBound
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// High bits set unless every byte of `w` is printable ASCII (0x20…0x7E); only the
        /// high bits count (`& highs`). The lowest byte outside that range always sets its
        /// high bit (the bytes below it, all in range, neither borrow nor carry into it);
        /// bytes above it may add false alarms, which the byte-by-byte path below settles.
        @inline(__always) func bits(_ w: UInt64) -> UInt64 {
            (w &- ones &* 0x20) | (w &+ ones) | w
        }
        @inline(__always) func flags(_ w: UInt64) -> UInt64 { bits(w) & highs }
        while i < end {
            // Plain printable ASCII, 64 bytes at a time (eight words, one test). (Swift's SIMD
            // types were tried here: unspecialized, they ran 40× slower.)
            if i + 64 <= end {
                let r = UnsafeRawPointer(p + i)
                var any = bits(r.loadUnaligned(as: UInt64.self))
                for k in 1..<8 { any |= bits(r.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
                if any & highs == 0 {
                    i += 64
                    continue
                }
            }
            // Something else is in these 64 bytes (or in the last few): go through them word by
            // word before trying whole blocks again, which would fail until past it.
            let stop = min(i + 64, end)
            while i < stop {
                if i + 8 <= end {
                    if flags(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) == 0 {
                        i += 8
                        continue
                    }
                    // Letters beyond ASCII (é, Cyrillic, CJK, most punctuation): a word none
                    // of whose bytes could start a hidden character passes in one test of
                    // eight table bytes, without decoding its characters.
                    var look: UInt8 = 0
                    for k in 0..<8 { look |= byteClass[Int(p[i + k])] }
                    if look == 0 {
                        i += 8
                        continue
                    }
                }
                let b = p[i]
                if byteClass[Int(b)] == 0 {
                    i += 1
                    continue
                }
                if b < 0x80 { return false }
                // Emoji (U+1F000…U+1FFFF, F0 9F …): a block with no hidden character, passed
                // without asking Unicode for each one's category.
                if b == 0xF0 && emojiBlockIsClean && i + 4 <= end && p[i + 1] == 0x9F {
                    i += 4
                    continue
                }
                let (scalar, length) = decode(p, i, end)
                if isHidden(scalar) { return false }
                i += length
            }
        }
        return true
    }

    /// Per byte: 0 when it is printable ASCII, a continuation byte, or the lead byte of a
    /// sequence whose characters are never hidden (é's C3, Cyrillic, CJK); 1 otherwise (C0
    /// controls and DEL, which are never safe, and the lead bytes that need the character
    /// decoded). Derived from `isHidden` itself, so the two cannot disagree.
    private static let byteClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in 0..<0x20 { table[b] = 1 }
        table[0x7F] = 1
        // Two-byte leads C2…DF each start 64 scalars; three-byte leads E0…EF each 4,096.
        func anyHidden(_ scalars: Range<Int>) -> Bool {
            scalars.contains { v in
                guard let scalar = Unicode.Scalar(UInt32(v)) else { return false }
                return isHidden(scalar)
            }
        }
        for lead in 0xC2...0xDF where anyHidden(((lead & 0x1F) << 6)..<(((lead & 0x1F) << 6) + 64)) { table[lead] = 1 }
        for lead in 0xE0...0xEF where anyHidden(((lead & 0x0F) << 12)..<(((lead & 0x0F) << 12) + 4096)) { table[lead] = 1 }
        // Four-byte leads (emoji, tag characters, the other planes) are decoded, but see
        // `emojiBlockIsClean`.
        for lead in 0xF0...0xFF { table[lead] = 1 }
        return table
    }()

    /// Whether U+1F000…U+1FFFF (emoji and other pictographs, the four-byte characters that
    /// LLM answers use most) holds no hidden character; asked of `isHidden` once.
    private static let emojiBlockIsClean: Bool = {
        !(0x1F000..<0x20000).contains { v in Unicode.Scalar(UInt32(v)).map { isHidden($0) } ?? false }
    }()

    /// `HiddenCharacters.isHidden`, looked up in a table for the Basic Multilingual Plane (asking
    /// Unicode's general category for every CJK or accented letter is slow); emoji, tag
    /// characters and the rest of the higher planes are asked directly (a bigger table costs
    /// more to fill at start than it saves).
    @inline(__always)
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = Int(scalar.value)
        guard v < tableLimit else { return HiddenCharacters.isHidden(scalar) }
        return hiddenInTable[v >> 6] & (1 << UInt64(v & 63)) != 0
    }

    private static let tableLimit = 0x10000

    /// One bit per scalar below `tableLimit`, filled once from `HiddenCharacters.isHidden` itself.
    private static let hiddenInTable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: tableLimit / 64)
        for v in 0..<tableLimit {
            if let scalar = Unicode.Scalar(UInt32(v)), HiddenCharacters.isHidden(scalar) {
                bits[v >> 6] |= 1 << UInt64(v & 63)
            }
        }
        return bits
    }()

    /// The scalar whose lead byte is at `i` and its length; U+FFFD for a cut sequence.
    private static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(p[i])
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + length <= end else { return ("\u{FFFD}", end - i) }
        var value: UInt32
        switch length {
        case 2: value = (lead & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
        case 3: value = (lead & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        default:
            value = (lead & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
