// libFuzzer entry point for the session reader (SPEC §4): any bytes as a session file.
// Built by fuzz/build.sh with the PreferCore sources it needs (not part of Package.swift).
// Checks: no crash; every complaint names this file and a line that exists; only the last
// line that holds anything may be dropped as torn; a file whose every line is a clean event
// keeps them all.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = SessionReader.parse(bytes, file: "s.jsonl")
    let lineCount = bytes.split(separator: 10, omittingEmptySubsequences: false).count
    for problem in parsed.errors + parsed.warnings {
        precondition(problem.file == "s.jsonl", "a complaint names another file")
        let line = problem.line ?? 0
        precondition(line >= 1 && line <= lineCount, "a complaint names a line that does not exist")
    }
    precondition(parsed.warnings.count <= 1, "more than one torn tail")
    // A last line read without its newline (a file of another tool, SPEC §4) is a record and
    // a warning about the same line.
    let torn = parsed.warnings.filter { !$0.reason.hasPrefix("read a last line") }.count
    precondition(parsed.records.count + parsed.errors.count + torn <= lineCount)
    return 0
}
