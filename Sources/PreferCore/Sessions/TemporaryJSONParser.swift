// TEMPORARY: stands in for the real JSONParser (written on another branch) until the merge,
// when the integrator deletes this file. Built on JSONSerialization, so it does not keep
// object key order; nothing in the session code may depend on that.
import Foundation

/// Parses JSON text into a `JSONValue` (temporary stand-in built on JSONSerialization).
public enum JSONParser {
    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        try parse(data: Data(bytes))
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(data: Data(text.utf8))
    }

    private static func parse(data: Data) throws(JSONSyntaxError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "invalid JSON"
            throw JSONSyntaxError(message: reason, offset: 0)
        }
        return convert(object)
    }

    private static func convert(_ object: Any) -> JSONValue {
        switch object {
        case is NSNull:
            return .null
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            let kind = String(cString: number.objCType)
            if kind == "c" { return .bool(number.boolValue) }
            if kind == "d" || kind == "f" { return .number("\(number.doubleValue)") }
            return .number(number.stringValue)
        case let items as [Any]:
            return .array(items.map(convert))
        case let members as [String: Any]:
            return .object(members.keys.sorted().map { JSONMember($0, convert(members[$0]!)) })
        default:
            return .null
        }
    }
}

/// Why a JSON text could not be parsed, and the byte offset where it went wrong.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
