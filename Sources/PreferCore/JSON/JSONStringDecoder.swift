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
