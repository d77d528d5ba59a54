#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PositionalFile {
    /// Reads `range` of the file in chunks and calls `body` once per line (without its `\n`;
    /// the last line of the range also when it has no newline; a UTF-8 BOM at the file's
    /// start is not part of line 1), passing the buffer, the
    /// line's byte range in it, and the file offset of the buffer's first byte. The buffer is
    /// reused, so `body` must copy what it keeps. One reader for every task-file scan, so
    /// the chunking and the long-line growth are written (and tested) once.
    ///
    /// A line of `lineLimit` bytes or more is never held: it is skipped to its newline and
    /// reported to `tooLong` with its file offset and length instead of to `body`.
    func forEachLine(in range: Range<Int>, chunkSize: Int, lineLimit: Int = Int.max,
                     tooLong: (_ offset: Int, _ length: Int) -> Void = { _, _ in },
                     _ body: (UnsafeMutableRawPointer, Range<Int>, Int) -> Void) throws(InputError) {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var filled = 0
        var bufferOffset = range.lowerBound
        var next = range.lowerBound
        while true {
            if filled == capacity {
                // One line is longer than the buffer: grow it to hold the whole line.
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 64)
                bigger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let want = min(capacity - filled, range.upperBound - next)
            try read(into: buffer + filled, count: want, at: next)
            filled += want
            next += want
            let atEnd = next == range.upperBound
            // Lines are split as every JSONL reader splits them (`JSONLines`), which also drops
            // a BOM at the file's start; a line's length is what lies before its `\n`.
            let lines = JSONLines(UnsafeRawBufferPointer(start: buffer, count: filled), from: 0,
                                  firstLine: bufferOffset == 0 ? 1 : 2)
            var start = lines.start
            for line in lines {
                guard line.hasNewline || atEnd else { break }
                let end = line.hasNewline ? line.next - 1 : line.next
                if end - start >= lineLimit {
                    tooLong(bufferOffset + start, end - start)
                } else {
                    body(buffer, start..<end, bufferOffset)
                }
                start = line.next
            }
            if atEnd { break }
            filled -= start
            if filled > 0 && start > 0 { memmove(buffer, buffer + start, filled) }
            bufferOffset += start
            if filled >= lineLimit {
                // The unfinished line at the buffer's start is already too long: measure the
                // rest of it without keeping it, then go on after its newline.
                let lineStart = bufferOffset
                let end = try skipToNewline(from: next, before: range.upperBound, using: buffer, capacity: capacity)
                tooLong(lineStart, end - lineStart)
                next = min(end + 1, range.upperBound)
                bufferOffset = next
                filled = 0
                if end >= range.upperBound { break }
            }
        }
    }

    /// The file offset of the first newline at or after `offset` (or `limit` if none),
    /// reading through `buffer`.
    private func skipToNewline(from offset: Int, before limit: Int, using buffer: UnsafeMutableRawPointer,
                               capacity: Int) throws(InputError) -> Int {
        var position = offset
        while position < limit {
            let count = min(capacity, limit - position)
            try read(into: buffer, count: count, at: position)
            if let newline = memchr(buffer, 0x0A, count) { return position + buffer.distance(to: newline) }
            position += count
        }
        return limit
    }
}
