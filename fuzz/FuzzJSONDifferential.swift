// libFuzzer entry point: the hand-written JSON parser against Foundation's JSONSerialization.
// Built by fuzz/build.sh with the PreferCore JSON sources (not part of Package.swift).
// Ours is stricter by design (duplicate keys, nesting over 512, lone surrogates are refused),
// so the check is one way: whatever we accept, Foundation accepts too, with the same shape and
// the same strings; and what we write back (JSONWriter) Foundation reads as the same value.
import Foundation

private func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
    switch ours {
    case .null: return theirs is NSNull
    case .bool: return theirs is NSNumber
    case .string(let s): return (theirs as? String) == s
    case .number: return theirs is NSNumber
    case .array(let items):
        guard let list = theirs as? [Any], list.count == items.count else { return false }
        return zip(items, list).allSatisfy { same($0, $1) }
    case .object(let members):
        guard let dict = theirs as? [String: Any], dict.count == members.count else { return false }
        return members.allSatisfy { m in dict[m.key].map { same(m.value, $0) } ?? false }
    }
}

private func hasHugeNumber(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let text): return !(Double(text)?.isFinite ?? false)
    case .array(let items): return items.contains(where: hasHugeNumber)
    case .object(let members): return members.contains { hasHugeNumber($0.value) }
    default: return false
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    // Foundation refuses numbers outside Double's range; we keep numbers as their text.
    guard let theirs = foundation else {
        precondition(hasHugeNumber(value), "we accepted JSON that Foundation refuses")
        return 0
    }
    precondition(same(value, theirs), "Foundation reads a different value")
    // What we write back is read as the same value by both parsers, and is safe to cat.
    let written = JSONWriter.serialize(value)
    for scalar in written.unicodeScalars {
        let v = scalar.value
        precondition(!(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                       || (0x2066...0x2069).contains(v) || (0x200B...0x200F).contains(v)),
                     "JSONWriter left U+\(String(v, radix: 16)) raw")
    }
    let reread = Array(written.utf8).withUnsafeBytes { try? JSONParser.parse($0) }
    precondition(reread == value, "JSONWriter output parses to a different value")
    let foundationReread = try? JSONSerialization.jsonObject(with: Data(written.utf8), options: [.fragmentsAllowed])
    precondition(hasHugeNumber(value) || (foundationReread.map { same(value, $0) } ?? false),
                 "Foundation misreads JSONWriter output")
    return 0
}
