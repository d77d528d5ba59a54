/// Why a piece of text is not strict RFC 8259 JSON, and where: `offset` is the byte offset
/// (from the start of the bytes given to the parser) of the first byte that is wrong.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence such as `expected ',' or '}' after an object member`.
    public var message: String
    /// Byte offset of the problem in the parsed bytes; `count` when the input ended too early.
    public var offset: Int
    /// True when the bytes are not valid UTF-8 (as opposed to valid text that is not JSON),
    /// so that a caller can say "invalid UTF-8" rather than "invalid JSON".
    public var isInvalidUTF8: Bool

    /// An error with `message` at byte `offset`.
    public init(message: String, offset: Int, isInvalidUTF8: Bool = false) {
        self.message = message
        self.offset = offset
        self.isInvalidUTF8 = isInvalidUTF8
    }

    /// The message with its byte offset, for logs.
    public var description: String { "\(message) (at byte \(offset))" }

    /// The 1-based column of `offset` in `bytes`, counted in Unicode scalars as editors count
    /// characters: every byte that is not a UTF-8 continuation byte starts a new column.
    public func column(in bytes: UnsafeRawBufferPointer) -> Int {
        JSONSyntaxError.column(ofByteOffset: offset, in: bytes)
    }

    /// The 1-based column of a byte offset in `bytes`, counted in Unicode scalars.
    public static func column(ofByteOffset offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        let end = min(max(offset, 0), bytes.count)
        var column = 1
        var i = 0
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}

/// Sentence fragments shared by the parser's error messages, so that they read the same
/// everywhere and never carry a raw control character into a terminal.
enum JSONMessageText {
    /// `'x'` for a printable ASCII byte, `U+001B` for a control; used after "found".
    static func describe(asciiByte byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return hex(scalar: UInt32(byte))
    }

    /// `U+00E9` style name of a scalar.
    static func hex(scalar value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `0xFF` style name of a byte.
    static func hex(byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }

    /// Four lowercase hex digits, as in a `\uXXXX` escape.
    static func escapeDigits(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A key or value quoted for a message: hidden characters escaped and long text cut, so
    /// that an error message is one readable line whatever the input holds.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            if HiddenCharacters.isHidden(scalar) {
                out += "\\u" + escapeDigits(scalar.value).uppercased()
            } else if scalar == "\"" || scalar == "\\" {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
