/// A parsed JSON value that keeps object key order and the exact text of numbers, so that
/// what passes through prefer (task `meta`, foreign session lines) comes out as it went in.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text as it stood in the input (e.g. `"1.50"`), already validated.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One key/value pair of a JSON object, in file order.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
