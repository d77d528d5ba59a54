// libFuzzer entry point for the terminal sanitizer (SPEC §7): any text, as a task would hold it.
// Built by fuzz/build.sh with the PreferTUI text sources it needs (not part of Package.swift).
// Checks: no crash; nothing that a terminal acts on (C0 but tab/newline, DEL, C1, bidi
// controls, zero-width and tag characters) survives; a single line holds no line break; the
// hidden-character count is zero for plain ASCII and positive for escapes and bidi overrides.

private func isDangerous(_ v: UInt32) -> Bool {
    (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x061C
        || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2069).contains(v)
        || v == 0xFEFF || (0xE0000...0xE007F).contains(v)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let multi = Sanitizer.sanitize(text).string
    for scalar in multi.unicodeScalars {
        precondition(!isDangerous(scalar.value), "U+\(String(scalar.value, radix: 16)) reached the terminal")
    }
    let single = Sanitizer.singleLine(text)
    for scalar in single.unicodeScalars {
        precondition(!isDangerous(scalar.value) && scalar.value != 0x0A && scalar.value != 0x09,
                     "U+\(String(scalar.value, radix: 16)) in a single line")
    }
    // Plain printable ASCII and newlines are never hidden (other scalars, e.g. the U+FFFD of
    // invalid UTF-8, may be counted by design).
    if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) || $0.value == 0x0A }) {
        precondition(Sanitizer.hiddenCount(in: text) == 0, "hidden characters counted in clean text")
    }
    if text.unicodeScalars.contains(where: { (0x202A...0x202E).contains($0.value) || $0.value == 0x1B }) {
        precondition(Sanitizer.hiddenCount(in: text) > 0, "an escape or bidi override was not counted")
    }
    return 0
}
