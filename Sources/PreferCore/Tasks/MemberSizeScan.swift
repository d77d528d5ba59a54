/// Follows a JSON object byte by byte, measuring each top-level value.
struct MemberSizeScan {
    var depth = 0
    var inString = false
    var escaped = false
    var expectingKey = false
    var readingKey = false
    var key: [UInt8] = []
    var currentKey: [UInt8] = []
    var valueStart: Int?
    var largest: (key: [UInt8], size: Int)?

    mutating func feed(_ byte: UInt8, at position: Int) {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if readingKey {
                    readingKey = false
                    currentKey = key
                }
            } else if readingKey, key.count < 64 {
                key.append(byte)
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            if depth == 1 && expectingKey {
                readingKey = true
                expectingKey = false
                key = []
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            if depth == 1 { expectingKey = true }
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 1 { finishValue(at: position) }
            depth -= 1
        case UInt8(ascii: ":") where depth == 1:
            valueStart = position + 1
        case UInt8(ascii: ",") where depth == 1:
            finishValue(at: position)
            expectingKey = true
        default:
            break
        }
    }

    private mutating func finishValue(at position: Int) {
        guard let start = valueStart else { return }
        let size = position - start
        if size > (largest?.size ?? -1) { largest = (currentKey, size) }
        valueStart = nil
    }
}
