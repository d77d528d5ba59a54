/// Compact, cat-safe JSON serialization of `JSONValue`: object key order is kept, numbers are
/// written as their literal text, and every hidden character is a `\uXXXX` escape.
///
/// "Cat-safe" (SPEC §4, RELIABILITY rule 7): a file made of this output can be shown with
/// `cat` without a single control or invisible format character reaching the terminal,
/// because every scalar `HiddenCharacters.isHidden` reports is escaped. Everything else,
/// CJK and emoji included, stays literal UTF-8 so files remain readable.
public enum JSONWriter {
    /// The compact JSON text of `value`.
    public static func serialize(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the compact JSON text of `value` to `out`.
    public static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: nullBytes)
        case .bool(let flag):
            out.append(contentsOf: flag ? trueBytes : falseBytes)
        case .number(let text):
            // The literal was validated when parsed or built from an integer; written verbatim so
            // that "1.50" stays "1.50".
            out.append(contentsOf: text.utf8)
        case .string(let text):
            appendString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The JSON string literal of `text`, quotes included, e.g. for naming untrusted text in
    /// an error message without letting hidden characters through.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal (with quotes) to `out`, escaping `"`, `\` and
    /// every hidden scalar; runs of plain bytes are copied in one step.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in appendEscaped(utf8, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Escapes already-valid UTF-8 (a Swift String's storage), so multi-byte sequences can be
    /// decoded without checks.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = utf8[index]
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if byte < 0x80 {
                flush(utf8, from: runStart, to: index, into: &out)
                appendASCIIEscape(byte, to: &out)
                index += 1
                runStart = index
                continue
            }
            let (scalar, length) = decodeScalar(utf8, at: index)
            if HiddenCharacters.isHidden(scalar) {
                flush(utf8, from: runStart, to: index, into: &out)
                appendUnicodeEscape(scalar.value, to: &out)
                runStart = index + length
            }
            index += length
        }
        flush(utf8, from: runStart, to: count, into: &out)
    }

    private static func flush(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                              into out: inout [UInt8]) {
        if start < end {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
        }
    }

    /// Escapes `"`, `\`, C0 controls and DEL; the short forms are visible ASCII, so they are
    /// as cat-safe as `\u00XX` and easier to read.
    private static func appendASCIIEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let short: UInt8?
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x09: short = UInt8(ascii: "t")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default: short = nil
        }
        if let short {
            out.append(UInt8(ascii: "\\"))
            out.append(short)
        } else {
            appendUnicodeEscape(UInt32(byte), to: &out)
        }
    }

    /// Writes `\uXXXX`, or a surrogate pair of them for scalars beyond the BMP (tag characters).
    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        if value > 0xFFFF {
            let offset = value - 0x10000
            appendUTF16Escape(UInt16(0xD800 + (offset >> 10)), to: &out)
            appendUTF16Escape(UInt16(0xDC00 + (offset & 0x3FF)), to: &out)
        } else {
            appendUTF16Escape(UInt16(value), to: &out)
        }
    }

    private static func appendUTF16Escape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }

    /// Decodes the scalar whose lead byte is at `index`; valid because Swift strings are.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int)
        -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6
                | UInt32(utf8[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
            length = 4
        }
        // Unicode.Scalar(_:) cannot fail for a value decoded from valid UTF-8.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
}
