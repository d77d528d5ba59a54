/// Validates one task-file line in a read buffer, the same way for every scanner of task
/// files (`TaskFileSegment`): surrounding whitespace, strict JSON, an object, the SPEC §2
/// schema. (A BOM at the file's start never reaches it: `JSONLines` drops it.)
enum TaskLineCheck {
    /// A whitespace-only line, which is allowed.
    case blank
    /// The sentence of a `FILE:LINE: reason` error.
    case problem(String)
    /// A valid task: its trimmed bytes start at `start` of the buffer; the member spans are
    /// in the scanner that checked it.
    case task(bytes: UnsafeRawBufferPointer, start: Int, layout: TaskLineSchema.Layout)

    static func check(_ p: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, scanner: inout JSONLineScanner) -> TaskLineCheck {
        var lo = range.lowerBound
        var hi = range.upperBound
        let lineStart = lo
        while lo < hi && (p[lo] == 0x20 || p[lo] == 0x09 || p[lo] == 0x0D) { lo += 1 }
        while hi > lo && (p[hi - 1] == 0x20 || p[hi - 1] == 0x09 || p[hi - 1] == 0x0D) { hi -= 1 }
        if lo == hi { return .blank }

        let bytes = UnsafeRawBufferPointer(start: p + lo, count: hi - lo)
        let kind: JSONKind
        do {
            kind = try scanner.scan(bytes)
        } catch {
            let whole = UnsafeRawBufferPointer(start: p + lineStart, count: range.upperBound - lineStart)
            let column = JSONSyntaxError.column(ofByteOffset: error.offset + lo - lineStart, in: whole)
            return .problem(error.isInvalidUTF8
                ? "invalid UTF-8 at column \(column)"
                : "invalid JSON at column \(column): \(error.message)")
        }
        guard kind == .object else { return .problem("a task must be a JSON object, found \(kind.name)") }
        switch TaskLineSchema.check(bytes, scanner.members) {
        case .failure(let problem): return .problem(problem.sentence)
        case .success(let layout): return .task(bytes: bytes, start: lo, layout: layout)
        }
    }
}
