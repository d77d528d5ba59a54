#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes between a JSON string's quotes into text, resolving escapes.
///
/// Meant for bytes the validator accepted; on anything else it still stays inside the given
/// range and never traps (a malformed escape is copied as it stands, a lone surrogate
/// becomes U+FFFD), so a wrong range can give wrong text but never a crash.
enum JSONStringDecoder {
    /// The text of the string content in `range` of `bytes` (quotes excluded).
    static func decodeContent(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<bytes.count)
        guard !range.isEmpty, let raw = bytes.baseAddress else { return "" }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        if memchr(p + range.lowerBound, Int32(UInt8(ascii: "\\")), range.count) == nil {
            return String(decoding: UnsafeBufferPointer(start: p + range.lowerBound, count: range.count),
                          as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        appendDecoded(p, range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of a whole string value in `range` (quotes included).
    static func decodeValue(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        guard range.count >= 2 else { return "" }
        return decodeContent(bytes, (range.lowerBound + 1)..<(range.upperBound - 1))
    }

    /// Appends the UTF-8 bytes of the string content in `range` to `out`.
    static func appendDecoded(_ p: UnsafePointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var j = range.lowerBound
        let end = range.upperBound
        while j < end {
            let b = p[j]
            guard b == UInt8(ascii: "\\"), j + 1 < end else {
                out.append(b)
                j += 1
                continue
            }
            let c = p[j + 1]
            switch c {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let high = hex4(p, j + 2, end) else {
                    out.append(b)
                    j += 1
                    continue
                }
                var scalar = high
                var length = 6
                if (0xD800...0xDBFF).contains(high), j + 11 < end,
                   p[j + 6] == UInt8(ascii: "\\"), p[j + 7] == UInt8(ascii: "u"),
                   let low = hex4(p, j + 8, end), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
                j += length
                continue
            default:
                // `\"`, `\\`, `\/` stand for the character itself.
                out.append(c)
            }
            j += 2
        }
    }

    /// How many Unicode scalars the decoded text of the string value in `range` (quotes
    /// included) has, counted on the escaped bytes without building the text: the count of
    /// `decodeValue(bytes, range).unicodeScalars`, and of Python's `len(json.loads(...))`, for
    /// bytes the validator accepted. A UTF-8 lead byte is one scalar, a two-byte escape one,
    /// `\uXXXX` one, a high and low surrogate escape together one. A lone surrogate escape is one
    /// (`decodeValue` makes it U+FFFD, Python keeps the lone code point: one either way).
    /// The report measures ~200k responses this way; decoding each into a String to count it
    /// was half of a `--tasks` report's time.
    static func scalarCount(ofValue bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
        guard range.count >= 2 else { return 0 }
        let range = ((range.lowerBound + 1)..<(range.upperBound - 1)).clamped(to: 0..<bytes.count)
        guard !range.isEmpty, let raw = bytes.baseAddress else { return 0 }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        var n = 0
        var j = range.lowerBound
        let end = range.upperBound
        // Each step mirrors one step of `appendDecoded` and counts the scalars it appends;
        // eight bytes without a backslash are one step (a call to find the next backslash
        // cost more than the counting: escapes come every ~90 bytes in responses).
        while j < end {
            if j + 8 <= end {
                let x = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                let t = x ^ 0x5C5C_5C5C_5C5C_5C5C  // a zero byte where x has a backslash
                if (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080 == 0 {
                    n += 8 - continuationBytes(x)
                    j += 8
                    continue
                }
            }
            let b = p[j]
            guard b == UInt8(ascii: "\\"), j + 1 < end else {
                if b & 0xC0 != 0x80 { n += 1 }
                j += 1
                continue
            }
            let c = p[j + 1]
            if c == UInt8(ascii: "u") {
                guard let high = hex4(p, j + 2, end) else {
                    n += 1  // the backslash, copied as it stands
                    j += 1
                    continue
                }
                n += 1
                if (0xD800...0xDBFF).contains(high), j + 11 < end,
                   p[j + 6] == UInt8(ascii: "\\"), p[j + 7] == UInt8(ascii: "u"),
                   let low = hex4(p, j + 8, end), (0xDC00...0xDFFF).contains(low) {
                    j += 12
                } else {
                    j += 6
                }
                continue
            }
            // `\b` … `\t` and `\"`, `\\`, `\/`: one character (a byte that starts a scalar).
            if c & 0xC0 != 0x80 { n += 1 }
            j += 2
        }
        return n
    }

    /// How many of the eight bytes in `x` continue a UTF-8 sequence (10xxxxxx: bit 7 set,
    /// bit 6 clear; the shift moves each byte's bit 6 onto its bit 7, whatever the byte order).
    @inline(__always)
    private static func continuationBytes(_ x: UInt64) -> Int {
        (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    private static func hex4(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + 4) {
            let d = p[k]
            let digit: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(d - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
