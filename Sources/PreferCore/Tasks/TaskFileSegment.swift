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
        var capacity = TaskFileSegment.chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var state = State()
        var filled = 0
        var bufferOffset = range.lowerBound
        var next = range.lowerBound
        while true {
            if filled == capacity {
                // One line is longer than the buffer: grow it to hold the whole line.
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 64)
                bigger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let want = min(capacity - filled, range.upperBound - next)
            try file.read(into: buffer + filled, count: want, at: next)
            filled += want
            next += want
            let atEnd = next == range.upperBound

            var start = 0
            while start < filled {
                if let newline = memchr(buffer + start, 0x0A, filled - start) {
                    let end = buffer.distance(to: newline)
                    handle(buffer, start..<end, fileOffset: bufferOffset, &state)
                    start = end + 1
                } else if atEnd {
                    handle(buffer, start..<filled, fileOffset: bufferOffset, &state)
                    start = filled
                } else {
                    break
                }
            }
            if atEnd { break }
            filled -= start
            if filled > 0 && start > 0 { memmove(buffer, buffer + start, filled) }
            bufferOffset += start
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
