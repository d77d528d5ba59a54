#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one valid task lies in the file, and the little that is kept of it in memory.
struct TaskRecord: Sendable {
    /// File offset and length of the task's bytes: BOM and surrounding whitespace excluded.
    var offset: Int
    var length: Int
    /// 1-based line in the file (within its segment until the segments are joined).
    var line: Int
    /// 1-based index into the model-name table, 0 when the task names no model.
    var modelA: UInt32
    var modelB: UInt32
}

/// What one worker found in one slice of the task file.
struct TaskFileSegmentResult: Sendable {
    var records: [TaskRecord] = []
    var ids = TaskIdTable()
    /// Model names in first-seen order; `TaskRecord.modelA/B` index it from 1.
    var models: [String] = []
    /// The first problems, with lines counted from the start of the segment.
    var errors: [InputError] = []
    var errorCount = 0
    var lineCount = 0
}

/// Reads and validates the lines of one slice of a task file, which starts at a line start.
///
/// It reads in chunks into one reusable buffer (grown only for a line longer than it), so
/// memory stays small whatever the file size, and it turns only ids and model names into
/// Swift strings.
struct TaskFileSegment {
    /// Errors kept per segment; the joined list keeps as many, so nothing needed is lost.
    static let keptErrors = 20
    static let chunkSize = 2 << 20

    let file: PositionalFile
    let range: Range<Int>
    /// True for the slice at offset 0, where a UTF-8 BOM is tolerated.
    let startsFile: Bool

    private struct State {
        var result = TaskFileSegmentResult()
        var scanner = JSONLineScanner()
        var models = ModelNameTable()
    }

    func run() throws(InputError) -> TaskFileSegmentResult {
        var state = State()
        try file.forEachLine(in: range, chunkSize: TaskFileSegment.chunkSize) { buffer, line, fileOffset in
            handle(buffer, line, fileOffset: fileOffset, &state)
        }
        state.result.models = state.models.names
        return state.result
    }

    /// Validates one line (without its `\n`) found at `range` of the buffer.
    private func handle(_ buffer: UnsafeMutableRawPointer, _ range: Range<Int>, fileOffset: Int, _ state: inout State) {
        state.result.lineCount += 1
        let line = state.result.lineCount
        var lo = range.lowerBound
        var hi = range.upperBound
        let p = buffer.assumingMemoryBound(to: UInt8.self)
        if startsFile && line == 1 && hi - lo >= 3 && p[lo] == 0xEF && p[lo + 1] == 0xBB && p[lo + 2] == 0xBF {
            lo += 3
        }
        let lineStart = lo
        while lo < hi && (p[lo] == 0x20 || p[lo] == 0x09 || p[lo] == 0x0D) { lo += 1 }
        while hi > lo && (p[hi - 1] == 0x20 || p[hi - 1] == 0x09 || p[hi - 1] == 0x0D) { hi -= 1 }
        if lo == hi { return }

        let bytes = UnsafeRawBufferPointer(start: p + lo, count: hi - lo)
        let kind: JSONKind
        do {
            kind = try state.scanner.scan(bytes)
        } catch {
            let whole = UnsafeRawBufferPointer(start: p + lineStart, count: range.upperBound - lineStart)
            let column = JSONSyntaxError.column(ofByteOffset: error.offset + lo - lineStart, in: whole)
            let reason = error.isInvalidUTF8
                ? "invalid UTF-8 at column \(column)"
                : "invalid JSON at column \(column): \(error.message)"
            fail(line, reason, &state)
            return
        }
        guard kind == .object else {
            fail(line, "a task must be a JSON object, found \(kind.name)", &state)
            return
        }
        let members = state.scanner.members
        switch TaskLineSchema.check(bytes, members) {
        case .failure(let problem):
            fail(line, problem.sentence, &state)
        case .success(let layout):
            let id = members[layout[.id]!]
            if id.valueHasEscapes {
                var decoded: [UInt8] = []
                JSONStringDecoder.appendDecoded(p + lo, (id.valueRange.lowerBound + 1)..<(id.valueRange.upperBound - 1), to: &decoded)
                decoded.withUnsafeBytes { state.result.ids.append($0) }
            } else {
                state.result.ids.append(UnsafeRawBufferPointer(rebasing: bytes[(id.valueRange.lowerBound + 1)..<(id.valueRange.upperBound - 1)]))
            }
            let modelA = layout[.modelA].map { state.models.intern(bytes, members[$0]) } ?? 0
            let modelB = layout[.modelB].map { state.models.intern(bytes, members[$0]) } ?? 0
            state.result.records.append(TaskRecord(offset: fileOffset + lo, length: hi - lo, line: line,
                                                   modelA: modelA, modelB: modelB))
        }
    }

    private func fail(_ line: Int, _ reason: String, _ state: inout State) {
        state.result.errorCount += 1
        if state.result.errors.count < TaskFileSegment.keptErrors {
            state.result.errors.append(InputError(file: file.path, line: line, reason: reason))
        }
    }
}
