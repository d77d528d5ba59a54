#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kind of a JSON value, known without materializing the value.
public enum JSONKind: Sendable, Equatable {
    case null
    case bool
    case number
    case string
    case array
    case object

    /// A short name for error messages ("must be a string, found an array").
    public var name: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The kind of the value that starts with `byte` in validated JSON.
    @inline(__always)
    static func of(firstByte byte: UInt8) -> JSONKind {
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }
}

/// Where one member of a validated JSON object lies in the bytes it was scanned from, so
/// that a caller can pick the members it needs and leave the rest as bytes.
public struct JSONMemberSpan: Sendable, Equatable {
    /// The key's bytes between its quotes (still escaped when `keyHasEscapes`).
    public var keyRange: Range<Int>
    /// Whether the key holds a backslash escape (and so must be decoded before comparing).
    public var keyHasEscapes: Bool
    /// The kind of the value.
    public var kind: JSONKind
    /// The value's bytes, quotes and brackets included.
    public var valueRange: Range<Int>
    /// Whether a string value holds a backslash escape; false for every other kind.
    public var valueHasEscapes: Bool
    /// For a string value that the validator scanned: how many Unicode scalars it decodes to
    /// (what Python's `len` counts), counted on the way since the validator reads every byte
    /// of it anyway (a report measures each judged response; a second pass over the text cost
    /// as much as the validation). -1 for every other kind, and where spans were found
    /// without reading inside strings (`JSONSpans.members`).
    public var valueScalars: Int32

    /// A span with every part given.
    public init(keyRange: Range<Int>, keyHasEscapes: Bool, kind: JSONKind,
                valueRange: Range<Int>, valueHasEscapes: Bool, valueScalars: Int32 = -1) {
        self.keyRange = keyRange
        self.keyHasEscapes = keyHasEscapes
        self.kind = kind
        self.valueRange = valueRange
        self.valueHasEscapes = valueHasEscapes
        self.valueScalars = valueScalars
    }

    /// Whether the key equals `name` (such as `"response_a"`), escapes in the key decoded.
    public func keyEquals(_ name: StaticString, in bytes: UnsafeRawBufferPointer) -> Bool {
        name.withUTF8Buffer { expected in
            if keyHasEscapes {
                var key = JSONStringDecoder.decodeContent(bytes, keyRange)
                return key.withUTF8 { $0.elementsEqual(expected) }
            }
            guard keyRange.count == expected.count, keyRange.upperBound <= bytes.count else { return false }
            guard let base = bytes.baseAddress, let start = expected.baseAddress else { return expected.isEmpty }
            return memcmp(base + keyRange.lowerBound, start, expected.count) == 0
        }
    }

    /// The key as a String.
    public func key(in bytes: UnsafeRawBufferPointer) -> String {
        JSONStringDecoder.decodeContent(bytes, keyRange)
    }
}
