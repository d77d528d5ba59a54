/// Strict RFC 8259 parsing of UTF-8 bytes into `JSONValue`.
///
/// Refused: invalid UTF-8 (overlong forms, encoded surrogates, values past U+10FFFF,
/// truncated sequences), raw control characters in strings, lone or mis-paired surrogate
/// escapes, duplicate keys in one object, nesting deeper than 512 levels, leading zeros,
/// `NaN`/`Infinity`, trailing commas, comments, and anything after the value other than
/// JSON whitespace (space, tab, CR, LF). Numbers keep their literal text.
public enum JSONParser {
    /// Parses one JSON value from raw UTF-8 bytes.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var validator = JSONValidator()
        _ = try validator.validate(bytes)
        return JSONValueBuilder.build(bytes, from: 0).value
    }

    /// Parses one JSON value from a byte array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON value from text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }

    /// Only checks that `bytes` hold one valid JSON value, and says which kind it is.
    public static func validate(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONKind {
        var validator = JSONValidator()
        return try validator.validate(bytes)
    }

    /// The text of a string member scanned by `JSONLineScanner` from the same `bytes`, or nil
    /// when the member's value is not a string.
    public static func string(of member: JSONMemberSpan, in bytes: UnsafeRawBufferPointer) -> String? {
        guard member.kind == .string else { return nil }
        return JSONStringDecoder.decodeValue(bytes, member.valueRange)
    }

    /// The full value of a member scanned by `JSONLineScanner` from the same `bytes`.
    ///
    /// The value's bytes are checked again, so a span from other bytes gives an error, never
    /// a wrong value or a crash.
    public static func value(of member: JSONMemberSpan, in bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        let range = member.valueRange.clamped(to: 0..<bytes.count)
        do {
            return try parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
        } catch {
            throw JSONSyntaxError(message: error.message, offset: error.offset + range.lowerBound,
                                  isInvalidUTF8: error.isInvalidUTF8)
        }
    }
}

/// Validates JSONL lines exactly as strictly as `JSONParser.parse`, but materializes nothing:
/// for a line holding an object it reports where each top-level member lies, so that a
/// caller decodes only the members it needs (ids and model names) and leaves long texts
/// (responses) as bytes.
///
/// Keep one scanner per thread and reuse it: it keeps its buffers between lines.
public struct JSONLineScanner {
    private var validator = JSONValidator()
    /// The members of the last line scanned, when it held an object; empty otherwise.
    public private(set) var members: [JSONMemberSpan] = []

    /// A scanner with empty buffers.
    public init() {}

    /// Validates the whole of `bytes` as one JSON value and returns its kind; when it is an
    /// object, `members` then tells where each of its members lies in `bytes`.
    public mutating func scan(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONKind {
        do {
            return try validator.validate(bytes, members: &members)
        } catch {
            members.removeAll(keepingCapacity: true)
            throw error
        }
    }
}
