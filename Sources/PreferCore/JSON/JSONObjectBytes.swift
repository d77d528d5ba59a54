/// Builds one compact JSON object member by member straight into bytes, with `JSONWriter`'s
/// cat-safe escaping (the reference writing of a `labels` row's head).
struct JSONObjectBytes {
    private(set) var bytes: [UInt8] = []
    private var isEmpty = true

    /// Continues `buffer` (taken over, so that appending never copies it); give it back with
    /// `handBack(into:)`.
    init(continuing buffer: inout [UInt8]) {
        swap(&bytes, &buffer)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Hands the buffer back to `buffer` with the object left open (more members follow).
    mutating func handBack(into buffer: inout [UInt8]) {
        swap(&bytes, &buffer)
    }

    /// Appends `"key":value`.
    mutating func add(_ key: String, _ value: JSONValue) {
        separate()
        JSONWriter.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        JSONWriter.append(value, to: &bytes)
    }

    private mutating func separate() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
    }
}

extension JSONWriter {
    /// The compact JSON bytes of `value`.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }
}

extension JSONValue {
    /// A string, or `null` when absent.
    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// An integer, or `null` when absent.
    static func optional(_ number: Int?) -> JSONValue {
        number.map { .number(String($0)) } ?? .null
    }

    /// An integer.
    static func integer(_ number: Int) -> JSONValue {
        .number(String(number))
    }

    /// A finite double in Swift's shortest round-trip form (`0.5`, `1.0`,
    /// `0.6666666666666666`): valid JSON, the same on every run, and always read back as a
    /// float (so a column of shares never mixes integers and floats).
    static func decimal(_ number: Double) -> JSONValue {
        precondition(number.isFinite, "shares are finite")
        return .number(String(number))
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of a literal; hot writers use it for keys and punctuation, which then
    /// cost no reference counting (a `static let` array is retained and released per use).
    @inline(__always)
    mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
