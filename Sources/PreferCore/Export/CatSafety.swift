/// Whether raw JSON bytes can be copied to an export as they are: no byte a terminal would act
/// on (C0 controls, DEL) and no scalar `HiddenCharacters` reports (C1 controls, bidi and other
/// format characters). Strings that fail are decoded and written again with `JSONWriter`.
enum CatSafety {
    /// Checks `range` of `bytes`, which must be valid UTF-8 (the scanner validated it).
    static func isSafe(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
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
            // Plain printable ASCII, 64 bytes at a time (eight words, one test), then 8 at a
            // time. (Swift's SIMD types were tried here: unspecialized, they ran 40× slower.)
            while i + 64 <= end {
                let r = UnsafeRawPointer(p + i)
                var any = bits(r.loadUnaligned(as: UInt64.self))
                for k in 1..<8 { any |= bits(r.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
                if any & highs != 0 { break }
                i += 64
            }
            if i + 8 <= end && flags(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) == 0 {
                i += 8
                continue
            }
            guard i < end else { break }
            let b = p[i]
            if b < 0x20 || b == 0x7F { return false }
            if b < 0x80 {
                i += 1
                continue
            }
            let (scalar, length) = decode(p, i, end)
            if isHidden(scalar) { return false }
            i += length
        }
        return true
    }

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
