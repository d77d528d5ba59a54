/// Fields of a validated session line written to an export as they stand where that gives
/// `JSONWriter`'s own bytes.
enum RawField {
    /// A non-negative integer as `String(Int)` writes it, without making the `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// A field found by the session reader: `null` when absent or null; a string as it stands
    /// when it has no escape and is safe to `cat` (which is byte for byte what `JSONWriter`
    /// writes for its text), else decoded and written again; any other value as it stands.
    static func append(_ span: FieldSpan, _ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard span.isPresent else {
            out.append(literal: "null")
            return
        }
        let range = span.range
        if bytes[range.lowerBound] == UInt8(ascii: "\"") && (span.escaped || !CatSafety.isSafe(bytes, range)) {
            JSONWriter.appendString(JSONStringDecoder.decodeValue(bytes, range), to: &out)
        } else {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
    }
}
