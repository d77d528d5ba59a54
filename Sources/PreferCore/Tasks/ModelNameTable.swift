#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Model names seen so far, each stored once: a task file names a handful of models across
/// many thousands of lines, so lines keep a small index instead of a string.
struct ModelNameTable {
    private(set) var names: [String] = []
    private var keys: [[UInt8]] = []
    private var lookup: [[UInt8]: UInt32] = [:]
    private var last = -1

    /// The 1-based index of the model named by a string member (0 for null), adding it when new.
    mutating func intern(_ bytes: UnsafeRawBufferPointer, _ member: JSONMemberSpan) -> UInt32 {
        guard member.kind == .string else { return 0 }
        let content = (member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1)
        if !member.valueHasEscapes {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[content])
            if last >= 0 && equal(keys[last], raw) { return UInt32(last + 1) }
            if names.count <= 32 {
                for k in keys.indices where equal(keys[k], raw) {
                    last = k
                    return UInt32(k + 1)
                }
            }
        }
        let name = JSONStringDecoder.decodeValue(bytes, member.valueRange)
        return intern(name)
    }

    /// The 1-based index of `name`, adding it when new.
    mutating func intern(_ name: String) -> UInt32 {
        let key = Array(name.utf8)
        if let found = lookup[key] {
            last = Int(found) - 1
            return found
        }
        names.append(name)
        keys.append(key)
        lookup[key] = UInt32(names.count)
        last = names.count - 1
        return UInt32(names.count)
    }

    private func equal(_ key: [UInt8], _ raw: UnsafeRawBufferPointer) -> Bool {
        guard key.count == raw.count else { return false }
        if raw.isEmpty { return true }
        return key.withUnsafeBytes { memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }
    }
}
