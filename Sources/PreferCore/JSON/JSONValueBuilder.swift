/// Builds `JSONValue`s from bytes that `JSONValidator` has already accepted.
///
/// Because the grammar was checked first, this code only follows structure. It still never
/// recurses: containers under construction live on an explicit stack.
enum JSONValueBuilder {
    /// A container being filled. Kept as a struct mutated in place inside the stack so that
    /// appending never copies the elements gathered so far.
    private struct Partial {
        var isObject: Bool
        var items: [JSONValue] = []
        var members: [JSONMember] = []
        var key = ""
    }

    /// The value that starts at `start` (whitespace allowed before it) and the offset just
    /// after it.
    static func build(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (value: JSONValue, end: Int) {
        let n = bytes.count
        guard n > 0, let raw = bytes.baseAddress else { return (.null, start) }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? p[k] : 0 }

        var stack: [Partial] = []
        var i = start
        while true {
            i = JSONScan.skipWhitespace(p, n, i)
            var value: JSONValue
            switch at(i) {
            case UInt8(ascii: "{"):
                i = JSONScan.skipWhitespace(p, n, i + 1)
                if at(i) == UInt8(ascii: "}") {
                    i += 1
                    value = .object([])
                } else {
                    stack.append(Partial(isObject: true, key: readKey(bytes, p, n, &i)))
                    continue
                }
            case UInt8(ascii: "["):
                i = JSONScan.skipWhitespace(p, n, i + 1)
                if at(i) == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    stack.append(Partial(isObject: false))
                    continue
                }
            case UInt8(ascii: "\""):
                let end = JSONSpans.skipValue(p, n, i)
                value = .string(JSONStringDecoder.decodeValue(bytes, i..<end))
                i = end
            case UInt8(ascii: "t"):
                value = .bool(true)
                i += 4
            case UInt8(ascii: "f"):
                value = .bool(false)
                i += 5
            case UInt8(ascii: "n"):
                value = .null
                i += 4
            default:
                let end = JSONSpans.skipValue(p, n, i)
                value = .number(String(decoding: UnsafeBufferPointer(start: p + i, count: end - i), as: UTF8.self))
                i = end
            }
            // Attach the finished value to its container; close every container it completes.
            while let last = stack.indices.last {
                i = JSONScan.skipWhitespace(p, n, i)
                let more = at(i) == UInt8(ascii: ",")
                i += 1
                if stack[last].isObject {
                    stack[last].members.append(JSONMember(stack[last].key, value))
                    if more {
                        i = JSONScan.skipWhitespace(p, n, i)
                        stack[last].key = readKey(bytes, p, n, &i)
                        break
                    }
                    value = .object(stack.removeLast().members)
                } else {
                    stack[last].items.append(value)
                    if more { break }
                    value = .array(stack.removeLast().items)
                }
            }
            if stack.isEmpty { return (value, i) }
        }
    }

    /// Reads `"key"` and the colon after it.
    private static func readKey(_ bytes: UnsafeRawBufferPointer, _ p: UnsafePointer<UInt8>, _ n: Int,
                                _ i: inout Int) -> String {
        let end = JSONSpans.skipValue(p, n, i)
        let key = JSONStringDecoder.decodeValue(bytes, i..<end)
        i = JSONScan.skipWhitespace(p, n, end) + 1
        return key
    }
}
