import PreferCore

/// Cuts a text into the blocks `LazyLayout` lays out one at a time: whole source lines of
/// about `blockBytes` bytes, and a source line longer than that into pieces.
///
/// A block ends after a line break, or (a piece) just before a space within 4 KiB past the
/// size, or else just before the first character that surely starts a glyph of its own
/// (`startsGlyph`: visible, not zero-width, not half of a flag, not after a ZWJ or CR).
/// Sanitizing a block on its own therefore gives what sanitizing the whole text gives: no
/// combining mark, emoji sequence, flag or CRLF is ever cut, and the sanitizer opens a new
/// glyph at such a character whatever came before.
struct BlockSplitter {
    /// One block: its source bytes and whether it goes on with the line the block before
    /// it ended in.
    struct Range {
        var bytes: Swift.Range<Int>
        var continuesLine: Bool
    }

    /// How far past the size a piece looks for a space to end at.
    static let spaceSearchBytes = 4096

    private let text: String
    private let blockBytes: Int
    private var cursor: Int
    /// Whether the next block goes on with an unfinished source line.
    private(set) var continuesLine: Bool

    init(_ text: String, blockBytes: Int, from cursor: Int = 0, continuesLine: Bool = false) {
        self.text = text
        self.blockBytes = blockBytes
        self.cursor = cursor
        self.continuesLine = continuesLine
    }

    mutating func next() -> Range? {
        var text = text
        let found: (end: Int, continues: Bool)? = text.withUTF8 { bytes in
            guard cursor < bytes.count else { return nil }
            return BlockSplitter.end(in: bytes, from: cursor, blockBytes: blockBytes)
        }
        guard let found else { return nil }
        let range = Range(bytes: cursor..<found.end, continuesLine: continuesLine)
        cursor = found.end
        continuesLine = found.continues
        return range
    }

    /// Where a block starting at `start` ends, and whether the next one continues its line.
    private static func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                            blockBytes: Int) -> (end: Int, continues: Bool) {
        let newline = UInt8(ascii: "\n")
        let limit = blockBytes >= bytes.count - start ? bytes.count : start + blockBytes
        if limit == bytes.count { return (limit, false) }
        // The last line break within the size ends a block of whole lines.
        var index = limit - 1
        while index >= start {
            if bytes[index] == newline { return (index + 1, false) }
            index -= 1
        }
        // One line longer than the size: a piece of it, ended at a space if one is near.
        let searchEnd = min(bytes.count, limit + spaceSearchBytes)
        for index in limit..<searchEnd {
            if bytes[index] == newline { return (index + 1, false) }
            if bytes[index] == UInt8(ascii: " ") { return (index, true) }
        }
        // Else at a character boundary past the size that surely starts a glyph.
        index = limit
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        var previous = scalar(endingBefore: index, in: bytes)
        while index < bytes.count {
            if bytes[index] == newline { return (index + 1, false) }
            let (next, length) = scalar(at: index, in: bytes)
            if startsGlyph(next, after: previous) { return (index, true) }
            previous = next
            index += length
        }
        return (bytes.count, false)
    }

    /// True when the sanitizer opens a new glyph at `scalar` whatever its state: a visible
    /// character of some width, not a regional indicator (it may pair with one before), and
    /// not after a ZWJ (which looks ahead at it) or a CR (which looks ahead for an LF).
    static func startsGlyph(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        previous.value != 0x200D && previous.value != 0x0D && !DisplayWidth.isRegionalIndicator(previous)
            && !DisplayWidth.isRegionalIndicator(scalar) && !HiddenCharacters.isHidden(scalar)
            && DisplayWidth.of(scalar) > 0
    }

    /// Not hidden and at least one column wide: a character that adds nothing to the
    /// hidden count. Looked up in a table for the Basic Multilingual Plane (made once, in
    /// about 10 ms), since a 10 MB line of Chinese asks 3.3 million times.
    static func isVisibleWithWidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? visibleWithWidthBMP[Int(scalar.value)]
            : !HiddenCharacters.isHidden(scalar) && DisplayWidth.of(scalar) > 0
    }

    private static let visibleWithWidthBMP: [Bool] = (0..<0x10000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return !HiddenCharacters.isHidden(scalar) && DisplayWidth.of(scalar) > 0
    }

    /// The scalar whose UTF-8 starts at `index` (valid UTF-8: it comes from a String).
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends just before `index`.
    private static func scalar(endingBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes).0
    }

    /// True when `bytes` of `text` hold no hidden character for certain: only visible
    /// characters that take a cell (no zero-width mark, whose surplus would be counted),
    /// tabs and line breaks (CR only before LF). Such a block need not be sanitized to count.
    static func holdsNothingHidden(_ text: String, _ bytes: Swift.Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var index = bytes.lowerBound
            while index < bytes.upperBound {
                let byte = buffer[index]
                if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 {
                    index += 1
                } else if byte == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A {
                    index += 1
                } else if byte >= 0x80 {
                    let (scalar, length) = BlockSplitter.scalar(at: index, in: buffer)
                    if !BlockSplitter.isVisibleWithWidth(scalar) { return false }
                    index += length
                } else {
                    return false
                }
            }
            return true
        }
    }
}
