#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds `JSONValue`s from bytes that `JSONValidator` has already accepted, and walks such
/// bytes to find array elements and object members without building anything.
///
/// Because the grammar was checked first, this code only follows structure. It still never
/// recurses: containers under construction live on an explicit stack.
enum JSONValueBuilder {
    private enum Partial {
        case array([JSONValue])
        case object([JSONMember], key: String)
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
                    stack.append(.object([], key: readKey(bytes, p, n, &i)))
                    continue
                }
            case UInt8(ascii: "["):
                i = JSONScan.skipWhitespace(p, n, i + 1)
                if at(i) == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    stack.append(.array([]))
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
            while true {
                guard let top = stack.popLast() else { return (value, i) }
                i = JSONScan.skipWhitespace(p, n, i)
                let more = at(i) == UInt8(ascii: ",")
                i += 1
                switch top {
                case .array(var items):
                    items.append(value)
                    if more {
                        stack.append(.array(items))
                    } else {
                        value = .array(items)
                        continue
                    }
                case .object(var members, let key):
                    members.append(JSONMember(key, value))
                    if more {
                        i = JSONScan.skipWhitespace(p, n, i)
                        let next = readKey(bytes, p, n, &i)
                        stack.append(.object(members, key: next))
                    } else {
                        value = .object(members)
                        continue
                    }
                }
                break
            }
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

/// Structure-only walking of validated JSON: where values end, which elements an array
/// holds, which members an object holds.
enum JSONSpans {
    /// The offset just after the validated value that starts at `i`.
    static func skipValue(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        guard i < n else { return n }
        switch p[i] {
        case UInt8(ascii: "\""):
            return skipString(p, n, i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var j = i
            while j < n {
                switch p[j] {
                case UInt8(ascii: "\""):
                    j = skipString(p, n, j)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default:
                    break
                }
                j += 1
            }
            return n
        case UInt8(ascii: "t"), UInt8(ascii: "n"):
            return min(i + 4, n)
        case UInt8(ascii: "f"):
            return min(i + 5, n)
        default:
            var j = i
            while j < n {
                switch p[j] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                     UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    j += 1
                default:
                    return j
                }
            }
            return j
        }
    }

    /// The offset just after the string whose opening quote is at `i`.
    private static func skipString(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        var j = i + 1
        while j < n {
            let b = p[j]
            if b == UInt8(ascii: "\"") { return j + 1 }
            j += b == UInt8(ascii: "\\") ? 2 : 1
        }
        return n
    }

    /// Kind and byte range of every element of the validated array in `range`.
    static func elements(_ bytes: UnsafeRawBufferPointer, ofArrayIn range: Range<Int>) -> [(kind: JSONKind, range: Range<Int>)] {
        guard let raw = bytes.baseAddress, range.upperBound <= bytes.count, range.count >= 2 else { return [] }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = range.upperBound
        var result: [(kind: JSONKind, range: Range<Int>)] = []
        var i = JSONScan.skipWhitespace(p, n, range.lowerBound + 1)
        guard i < n, p[i] != UInt8(ascii: "]") else { return [] }
        while i < n {
            let end = skipValue(p, n, i)
            result.append((JSONKind.of(firstByte: p[i]), i..<end))
            i = JSONScan.skipWhitespace(p, n, end)
            guard i < n, p[i] == UInt8(ascii: ",") else { break }
            i = JSONScan.skipWhitespace(p, n, i + 1)
        }
        return result
    }

    /// Where every member of the validated object in `range` lies.
    static func members(_ bytes: UnsafeRawBufferPointer, ofObjectIn range: Range<Int>) -> [JSONMemberSpan] {
        guard let raw = bytes.baseAddress, range.upperBound <= bytes.count, range.count >= 2 else { return [] }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = range.upperBound
        var result: [JSONMemberSpan] = []
        var i = JSONScan.skipWhitespace(p, n, range.lowerBound + 1)
        while i < n, p[i] == UInt8(ascii: "\"") {
            let keyEnd = skipString(p, n, i)
            let keyRange = (i + 1)..<(keyEnd - 1)
            i = JSONScan.skipWhitespace(p, n, JSONScan.skipWhitespace(p, n, keyEnd) + 1)
            guard i < n else { break }
            let end = skipValue(p, n, i)
            let kind = JSONKind.of(firstByte: p[i])
            result.append(JSONMemberSpan(keyRange: keyRange, keyHasEscapes: hasBackslash(p, keyRange),
                                         kind: kind, valueRange: i..<end,
                                         valueHasEscapes: kind == .string && hasBackslash(p, i..<end)))
            i = JSONScan.skipWhitespace(p, n, end)
            guard i < n, p[i] == UInt8(ascii: ",") else { break }
            i = JSONScan.skipWhitespace(p, n, i + 1)
        }
        return result
    }

    private static func hasBackslash(_ p: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && memchr(p + range.lowerBound, Int32(UInt8(ascii: "\\")), range.count) != nil
    }
}
