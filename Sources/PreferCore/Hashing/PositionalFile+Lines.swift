#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PositionalFile {
    /// Reads `range` of the file in chunks and calls `body` once per line (without its `\n`;
    /// the last line of the range also when it has no newline), passing the buffer, the
    /// line's byte range in it, and the file offset of the buffer's first byte. The buffer is
    /// reused, so `body` must copy what it keeps. One reader for every task-file scan, so
    /// the chunking and the long-line growth are written (and tested) once.
    func forEachLine(in range: Range<Int>, chunkSize: Int,
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
            var start = 0
            while start < filled {
                if let newline = memchr(buffer + start, 0x0A, filled - start) {
                    let end = buffer.distance(to: newline)
                    body(buffer, start..<end, bufferOffset)
                    start = end + 1
                } else if atEnd {
                    body(buffer, start..<filled, bufferOffset)
                    start = filled
                } else {
                    break
                }
            }
            if atEnd { break }
            filled -= start
            if filled > 0 && start > 0 { memmove(buffer, buffer + start, filled) }
            bufferOffset += start
        }
    }
}
