/// Token-level checks of the validator: strings (with UTF-8 and escapes), numbers and
/// literals. They work on a raw pointer and an index so that the hot loop over response text
/// stays free of bounds-checked collections and Foundation.
enum JSONScan {
    static func endOfInput(_ offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: "unexpected end of line", offset: offset)
    }

    @inline(__always)
    static func skipWhitespace(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var i = start
        while i < n {
            let b = p[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
            i += 1
        }
        return i
    }

    /// Non-zero when one of the 8 bytes of `w` is a quote, a backslash, a control (< 0x20) or
    /// not ASCII, i.e. when the bytes cannot all be skipped as plain string content; the
    /// lowest set bit then lies in the first such byte.
    @inline(__always)
    static func attentionMask(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // (x - 0x20..) & ~x & 0x80.. flags the bytes of x below 0x20; the same trick on x ^ c
        // flags the bytes equal to c. A borrow only runs upwards from a byte that really
        // matches, so the lowest flag is always exact (higher ones may be spurious).
        let control = (w &- ones &* 0x20) & ~w
        let q = w ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q
        let b = w ^ (ones &* 0x5C)
        let backslash = (b &- ones) & ~b
        return (control | quote | backslash | w) & highs
    }

    /// Scans the string whose opening quote is at `i`; leaves `i` after the closing quote and
    /// tells whether the string holds a backslash escape. `scalars` is set to how many Unicode
    /// scalars the content decodes to: its bytes less the ones that continue a UTF-8 sequence
    /// or an escape (added up only where the loop stops anyway; a lone surrogate is an error
    /// here, so every escape stands for one scalar).
    @inline(__always)
    static func string(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int,
                       scalars: inout Int) throws(JSONSyntaxError) -> Bool {
        var j = i + 1
        var escaped = false
        var extraBytes = 0
        while true {
            // Skip plain text 8 bytes at a time, landing on the first byte that needs a look.
            while j &+ 8 <= n {
                let mask = attentionMask(UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)))
                if mask != 0 {
                    j &+= mask.trailingZeroBitCount &>> 3
                    break
                }
                j &+= 8
            }
            guard j < n else { throw endOfInput(n) }
            let b = p[j]
            if b == UInt8(ascii: "\"") {
                scalars = j - i - 1 - extraBytes
                i = j + 1
                return escaped
            }
            if b == UInt8(ascii: "\\") {
                escaped = true
                // The two-byte escapes (`\n` above all: code and prose in responses carry one
                // every ~90 bytes) are checked here; `\u` and every error go to `escape`.
                if j &+ 1 < n && isShortEscape(p[j &+ 1]) {
                    j &+= 2
                    extraBytes &+= 1
                } else {
                    let start = j
                    try escape(p, n, &j)
                    extraBytes &+= j &- start &- 1
                }
            } else if b < 0x20 {
                throw JSONSyntaxError(message: "unescaped control character \(JSONMessageText.hex(scalar: UInt32(b))) in a string",
                                      offset: j)
            } else if b < 0x80 {
                j += 1
            } else {
                let length = utf8Length(p, n, j)
                if length == 0 { throw invalidUTF8(p, n, j) }
                j += length
                extraBytes &+= length &- 1
            }
        }
    }

    /// Whether `c`, after a backslash, makes a complete two-byte escape (`\"`, `\\`, `\/`, `\b`,
    /// `\f`, `\n`, `\r`, `\t`): the same set that `escape` accepts without `\u`.
    @inline(__always)
    static func isShortEscape(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "n"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "t"),
             UInt8(ascii: "r"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"):
            return true
        default:
            return false
        }
    }

    /// Checks the escape whose backslash is at `j` and moves past it.
    @inline(never)
    static func escape(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: inout Int) throws(JSONSyntaxError) {
        guard j + 1 < n else { throw endOfInput(n) }
        switch p[j + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            j += 2
        case UInt8(ascii: "u"):
            let value = try hex4(p, n, j)
            switch value {
            case 0xD800...0xDBFF:
                if j + 7 < n, p[j + 6] == UInt8(ascii: "\\"), p[j + 7] == UInt8(ascii: "u") {
                    let low = try hex4(p, n, j + 6)
                    if (0xDC00...0xDFFF).contains(low) {
                        j += 12
                        return
                    }
                }
                throw loneSurrogate(value, j)
            case 0xDC00...0xDFFF:
                throw loneSurrogate(value, j)
            default:
                j += 6
            }
        default:
            let c = p[j + 1]
            if c >= 0x20 && c < 0x7F {
                throw JSONSyntaxError(message: "invalid escape '\\\(Character(Unicode.Scalar(c)))' in a string", offset: j)
            }
            throw JSONSyntaxError(message: "invalid escape: a backslash followed by \(try found(p, n, j + 1)) in a string",
                                  offset: j)
        }
    }

    private static func loneSurrogate(_ value: UInt32, _ offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: "lone surrogate \\u\(JSONMessageText.escapeDigits(value)) in a string", offset: offset)
    }

    /// The value of the four hex digits of the `\u` escape whose backslash is at `j`.
    private static func hex4(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for k in (j + 2)..<(j + 6) {
            guard k < n else { throw endOfInput(n) }
            let d = p[k]
            let digit: UInt8
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = d - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = d - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = d - UInt8(ascii: "A") + 10
            default:
                throw JSONSyntaxError(message: "invalid \\u escape: expected four hex digits", offset: j)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Length of the well-formed UTF-8 sequence of two to four bytes at `i`, or 0 when the
    /// bytes there are not one (overlong forms, encoded surrogates, values past U+10FFFF,
    /// stray continuation bytes and sequences cut short are all refused).
    @inline(__always)
    static func utf8Length(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        let b0 = p[i]
        @inline(__always) func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        if b0 < 0xC2 { return 0 }
        if b0 < 0xE0 {
            return i + 1 < n && isContinuation(p[i + 1]) ? 2 : 0
        }
        if b0 < 0xF0 {
            guard i + 2 < n, isContinuation(p[i + 2]) else { return 0 }
            let b1 = p[i + 1]
            switch b0 {
            case 0xE0: return (0xA0...0xBF).contains(b1) ? 3 : 0
            case 0xED: return (0x80...0x9F).contains(b1) ? 3 : 0
            default: return isContinuation(b1) ? 3 : 0
            }
        }
        if b0 < 0xF5 {
            guard i + 3 < n, isContinuation(p[i + 2]), isContinuation(p[i + 3]) else { return 0 }
            let b1 = p[i + 1]
            switch b0 {
            case 0xF0: return (0x90...0xBF).contains(b1) ? 4 : 0
            case 0xF4: return (0x80...0x8F).contains(b1) ? 4 : 0
            default: return isContinuation(b1) ? 4 : 0
            }
        }
        return 0
    }

    /// The error for the byte at `i`, which does not start a well-formed UTF-8 sequence.
    static func invalidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> JSONSyntaxError {
        let b = p[i]
        let message = (b >= 0xC2 && b < 0xF5)
            ? "incomplete UTF-8 sequence starting with byte \(JSONMessageText.hex(byte: b))"
            : "invalid UTF-8 byte \(JSONMessageText.hex(byte: b))"
        return JSONSyntaxError(message: message, offset: i, isInvalidUTF8: true)
    }

    /// Names what stands at `i` for an error message (`'x'`, `U+00E9`, `end of line`); throws
    /// the UTF-8 error instead when the bytes there are not valid UTF-8.
    static func found(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) throws(JSONSyntaxError) -> String {
        guard i < n else { return "end of line" }
        let b = p[i]
        if b < 0x80 { return JSONMessageText.describe(asciiByte: b) }
        let length = utf8Length(p, n, i)
        guard length > 0 else { throw invalidUTF8(p, n, i) }
        var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(p[i + k] & 0x3F) }
        return JSONMessageText.hex(scalar: value)
    }

    /// The error for a byte that cannot start a value.
    static func notAValue(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) throws(JSONSyntaxError) -> JSONSyntaxError {
        if startsWith(p, n, i, "NaN") || startsWith(p, n, i, "Infinity") {
            return JSONSyntaxError(message: "NaN and Infinity are not valid JSON numbers", offset: i)
        }
        return JSONSyntaxError(message: "expected a value, found \(try found(p, n, i))", offset: i)
    }

    static func startsWith(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            guard i + expected.count <= n else { return false }
            for k in 0..<expected.count where p[i + k] != expected[k] { return false }
            return true
        }
    }

    /// Checks `true`, `false` or `null` at `i` and moves past it.
    static func literal(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) throws(JSONSyntaxError) {
        if startsWith(p, n, i, "true") || startsWith(p, n, i, "null") {
            i += 4
            return
        }
        if startsWith(p, n, i, "false") {
            i += 5
            return
        }
        throw JSONSyntaxError(message: "invalid literal; expected true, false or null", offset: i)
    }

    /// Checks the number at `i` against the RFC 8259 grammar and moves past it.
    static func number(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) throws(JSONSyntaxError) {
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < n && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9")
        }
        var j = i
        if p[j] == UInt8(ascii: "-") {
            j += 1
            if startsWith(p, n, j, "Infinity") {
                throw JSONSyntaxError(message: "NaN and Infinity are not valid JSON numbers", offset: i)
            }
            guard isDigit(j) else {
                throw JSONSyntaxError(message: "expected a digit after '-'", offset: j)
            }
        }
        if p[j] == UInt8(ascii: "0") {
            j += 1
            if isDigit(j) {
                throw JSONSyntaxError(message: "a number must not have leading zeros", offset: i)
            }
        } else {
            while isDigit(j) { j += 1 }
        }
        if j < n && p[j] == UInt8(ascii: ".") {
            j += 1
            guard isDigit(j) else {
                throw JSONSyntaxError(message: "expected a digit after the decimal point", offset: j)
            }
            while isDigit(j) { j += 1 }
        }
        if j < n && (p[j] == UInt8(ascii: "e") || p[j] == UInt8(ascii: "E")) {
            j += 1
            if j < n && (p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-")) { j += 1 }
            guard isDigit(j) else {
                throw JSONSyntaxError(message: "expected a digit in the exponent", offset: j)
            }
            while isDigit(j) { j += 1 }
        }
        i = j
    }
}
