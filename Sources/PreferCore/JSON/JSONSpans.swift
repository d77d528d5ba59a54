#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Structure-only walking of validated JSON: where values end, which elements an array
/// holds, which members an object holds.
enum JSONSpans {
    /// The offset just after the validated value that starts at `i`.
    static func skipValue(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        guard i < n else { return n }
        switch p[i] {
        case UInt8(ascii: "\""):
            return skipString(p, n, i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var j = i
            while j < n {
                switch p[j] {
                case UInt8(ascii: "\""):
                    j = skipString(p, n, j)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default:
                    break
                }
                j += 1
            }
            return n
        case UInt8(ascii: "t"), UInt8(ascii: "n"):
            return min(i + 4, n)
        case UInt8(ascii: "f"):
            return min(i + 5, n)
        default:
            var j = i
            while j < n {
                switch p[j] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                     UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    j += 1
                default:
                    return j
                }
            }
            return j
        }
    }

    /// The offset just after the string whose opening quote is at `i`.
    ///
    /// Long texts are most of a task file, so the closing quote is found with `memchr` (many
    /// bytes at a time) rather than byte by byte: a quote closes the string when an even
    /// number of backslashes stands before it (`\\"` is an escaped backslash, then the end).
    private static func skipString(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        var j = i + 1
        // Keys and short values end within a few bytes, where a call to memchr costs more
        // than looking.
        let near = min(n, j + 16)
        while j < near {
            let b = p[j]
            if b == UInt8(ascii: "\"") { return j + 1 }
            if b == UInt8(ascii: "\\") { break }
            j += 1
        }
        while j < n {
            guard let found = memchr(p + j, Int32(UInt8(ascii: "\"")), n - j) else { return n }
            let quote = UnsafeRawPointer(p).distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            while quote - backslashes - 1 > i && p[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            j = quote + 1
        }
        return n
    }

    /// Kind and byte range of every element of the validated array in `range`.
    static func elements(_ bytes: UnsafeRawBufferPointer, ofArrayIn range: Range<Int>) -> [(kind: JSONKind, range: Range<Int>)] {
        guard let raw = bytes.baseAddress, range.upperBound <= bytes.count, range.count >= 2 else { return [] }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = range.upperBound
        var result: [(kind: JSONKind, range: Range<Int>)] = []
        var i = JSONScan.skipWhitespace(p, n, range.lowerBound + 1)
        guard i < n, p[i] != UInt8(ascii: "]") else { return [] }
        while i < n {
            let end = skipValue(p, n, i)
            result.append((JSONKind.of(firstByte: p[i]), i..<end))
            i = JSONScan.skipWhitespace(p, n, end)
            guard i < n, p[i] == UInt8(ascii: ",") else { break }
            i = JSONScan.skipWhitespace(p, n, i + 1)
        }
        return result
    }

    /// Where every member of the validated object in `range` lies.
    static func members(_ bytes: UnsafeRawBufferPointer, ofObjectIn range: Range<Int>) -> [JSONMemberSpan] {
        guard let raw = bytes.baseAddress, range.upperBound <= bytes.count, range.count >= 2 else { return [] }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = range.upperBound
        var result: [JSONMemberSpan] = []
        // One allocation for the usual object (a session or task line) instead of five growths.
        result.reserveCapacity(16)
        var i = JSONScan.skipWhitespace(p, n, range.lowerBound + 1)
        while i < n, p[i] == UInt8(ascii: "\"") {
            let keyEnd = skipString(p, n, i)
            let keyRange = (i + 1)..<(keyEnd - 1)
            i = JSONScan.skipWhitespace(p, n, JSONScan.skipWhitespace(p, n, keyEnd) + 1)
            guard i < n else { break }
            let end = skipValue(p, n, i)
            let kind = JSONKind.of(firstByte: p[i])
            result.append(JSONMemberSpan(keyRange: keyRange, keyHasEscapes: hasBackslash(p, keyRange),
                                         kind: kind, valueRange: i..<end,
                                         valueHasEscapes: kind == .string && hasBackslash(p, i..<end)))
            i = JSONScan.skipWhitespace(p, n, end)
            guard i < n, p[i] == UInt8(ascii: ",") else { break }
            i = JSONScan.skipWhitespace(p, n, i + 1)
        }
        return result
    }

    private static func hasBackslash(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        if range.count <= 32 {
            for k in range where p[k] == UInt8(ascii: "\\") { return true }
            return false
        }
        return memchr(p + range.lowerBound, Int32(UInt8(ascii: "\\")), range.count) != nil
    }
}
