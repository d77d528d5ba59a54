/// Cuts a text into the blocks `LazyLayout` lays out one at a time: whole source lines of
/// about `blockBytes` bytes, and a source line longer than that into pieces.
///
/// A block ends after a line break, or (a piece) just before a space within 4 KiB past the
/// size, or else between two ASCII characters other than CR. Sanitizing a block on its own
/// therefore gives what sanitizing the whole text gives for those characters: no
/// combining mark, emoji sequence or CRLF is ever cut, and the sanitizer's state after a
/// line break, a space or an ASCII character does not depend on what came before.
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
        var previous = bytes[limit - 1]
        for index in limit..<bytes.count {
            let byte = bytes[index]
            if byte == newline { return (index + 1, false) }
            if byte < 0x80 && previous < 0x80 && byte != 0x0D && previous != 0x0D { return (index, true) }
            previous = byte
        }
        return (bytes.count, false)
    }

    /// True when `bytes` of `text` are printable ASCII, tabs and line breaks only (CR only
    /// before LF): such a block holds no hidden character and need not be sanitized to say so.
    static func isPlainASCII(_ text: String, _ bytes: Swift.Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var index = bytes.lowerBound
            while index < bytes.upperBound {
                let byte = buffer[index]
                if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 {
                    index += 1
                    continue
                }
                if byte == 0x0D && index + 1 < buffer.count && buffer[index + 1] == 0x0A {
                    index += 1
                    continue
                }
                return false
            }
            return true
        }
    }
}
