#if canImport(Glibc)
import Glibc
#endif

/// The lines of a JSON Lines buffer, the one way every JSONL reader splits its bytes (session
/// files, gold files, benchmark inputs of `make-tasks`, `validate`): a UTF-8 BOM at the start
/// of a file is not part of line 1, a CRLF line end is a line end, a line of nothing but
/// spaces, tabs and CRs is blank (readers skip it, but it keeps its number), and the last line
/// may lack its newline (`hasNewline`), which is how a torn tail after a crash looks.
///
/// Lines are found with `memchr`, one pass, no copy: each `Line` is a range into the buffer.
/// `isLast` (the last line holding anything) comes from one look back from the end of the
/// buffer, so a reader that treats a bad last line as torn needs no second pass.
public struct JSONLines: Sequence {
    /// One line: its 1-based number (what `FILE:LINE` says) and where it is.
    public struct Line: Sendable, Equatable {
        public var number: Int
        /// The line's bytes without its `\n` and without the `\r` of a CRLF.
        public var content: Range<Int>
        /// Where the next line starts: after the `\n`, or the end of the buffer.
        public var next: Int
        public var hasNewline: Bool
        /// Only spaces, tabs and CRs (or nothing).
        public var isBlank: Bool
        /// The last line of the buffer that is not blank: a bad line here may be a torn write.
        public var isLast: Bool
    }

    public let bytes: UnsafeRawBufferPointer
    /// Where line `firstLine` starts.
    public let start: Int
    public let firstLine: Int
    /// One past the last byte that is not a space, tab, CR or LF (`start` when there is none).
    let contentEnd: Int

    /// The lines of `bytes` from offset `start` on, numbered from `firstLine`; a BOM is
    /// skipped only at the start of a file (`start == 0`, `firstLine == 1`).
    public init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, firstLine: Int = 1) {
        self.bytes = bytes
        var first = start
        if start == 0 && firstLine == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            first = 3
        }
        self.start = first
        self.firstLine = firstLine
        var end = bytes.count
        while end > first && Self.isBlankOrNewline(bytes[end - 1]) { end -= 1 }
        contentEnd = end
    }

    /// Whether `bytes` starts with a UTF-8 byte order mark.
    public static func startsWithBOM<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.starts(with: [0xEF, 0xBB, 0xBF])
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    @inline(__always)
    static func isBlankOrNewline(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0A }

    public struct Iterator: IteratorProtocol {
        let lines: JSONLines
        var position: Int
        var number: Int

        public mutating func next() -> Line? {
            let bytes = lines.bytes
            let n = bytes.count
            guard position < n, let base = bytes.baseAddress else { return nil }
            let start = position
            let hit = memchr(base + start, 0x0A, n - start)
            let newlineAt = hit.map { base.distance(to: UnsafeRawPointer($0)) }
            var end = newlineAt ?? n
            if newlineAt != nil && end > start && bytes[end - 1] == 0x0D { end -= 1 }
            var blank = true
            var k = start
            while k < end {
                if !JSONLines.isBlank(bytes[k]) { blank = false; break }
                k += 1
            }
            let next = newlineAt.map { $0 + 1 } ?? n
            let line = Line(number: number, content: start..<end, next: next, hasNewline: newlineAt != nil,
                            isBlank: blank, isLast: !blank && lines.contentEnd <= next)
            position = next
            number += 1
            return line
        }
    }

    public func makeIterator() -> Iterator { Iterator(lines: self, position: start, number: firstLine) }

    /// The bytes of `line`'s content.
    @inline(__always)
    public subscript(line: Line) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[line.content]) }
}
