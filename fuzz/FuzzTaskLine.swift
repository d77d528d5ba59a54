// libFuzzer entry point for the JSON validator, parser, line scanner and task-line schema.
// Built by fuzz.sh together with the PreferCore sources it needs (not part of Package.swift).
// Checks: no crash on any input; parser and line scanner accept and refuse exactly the same
// inputs with the same error; member spans decode to the same values as the full parse, and
// the validator's scalar count of each string member is the decoder's.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var scanner = JSONLineScanner()
    let parsed = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
    let scanned = Result { () throws(JSONSyntaxError) in try scanner.scan(bytes) }
    switch (parsed, scanned) {
    case (.success(let value), .success(let kind)):
        if kind == .object {
            guard case .object(let members) = value else { fatalError("kind") }
            precondition(members.count == scanner.members.count)
            for (m, span) in zip(members, scanner.members) {
                precondition(m.key == span.key(in: bytes))
                precondition(m.value == JSONValueBuilder.build(bytes, from: span.valueRange.lowerBound).value)
                precondition(m.value == (try? JSONParser.value(of: span, in: bytes)))
                // The scalars the validator counts on the way are the ones the decoder counts.
                precondition(span.kind == .string
                    ? Int(span.valueScalars) == JSONStringDecoder.scalarCount(ofValue: bytes, span.valueRange)
                    : span.valueScalars == -1)
            }
            if case .success(let layout) = TaskLineSchema.check(bytes, scanner.members) {
                _ = TaskLineSchema.decode(bytes, scanner.members, layout, sha256: "", line: 1)
            }
        }
    case (.failure(let a), .failure(let b)):
        precondition(a == b)
        precondition(a.offset >= 0 && a.offset <= size)
    default:
        fatalError("parser and scanner disagree")
    }
    return 0
}
