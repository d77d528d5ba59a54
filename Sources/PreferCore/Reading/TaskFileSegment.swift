#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// When set, what to take from each labeled line while its bytes are at hand
    /// (`TaskFileSegmentResult.labeled`).
    var labeledLines: LabeledTaskLines.Request? = nil
    /// Without `labeledLines`: keep each task's judged lengths and the SHA-256 of its line
    /// (`TaskFileSegmentResult.judgedLengths`, `.digests`), for a report that asks for its
    /// labeled lines only once the sessions are read.
    var readsAhead = false

    private struct State {
        var result = TaskFileSegmentResult()
        var scanner = JSONLineScanner()
    }

    func run() throws(InputError) -> TaskFileSegmentResult {
        var state = State()
        if labeledLines != nil { state.result.labeled = [] }
        try file.forEachLine(in: range, chunkSize: TaskFileSegment.chunkSize, lineLimit: TaskLineLimit.bytes,
                             tooLong: { offset, length in
            state.result.lineCount += 1
            fail(state.result.lineCount, TaskLineLimit.reason(file: file, offset: offset, length: length), &state)
        }) { buffer, line, fileOffset in
            handle(buffer, line, fileOffset: fileOffset, &state)
        }
        return state.result
    }

    /// Validates one line (without its `\n`) found at `range` of the buffer.
    private func handle(_ buffer: UnsafeMutableRawPointer, _ range: Range<Int>, fileOffset: Int, _ state: inout State) {
        state.result.lineCount += 1
        let line = state.result.lineCount
        let p = buffer.assumingMemoryBound(to: UInt8.self)
        switch TaskLineCheck.check(p, range, scanner: &state.scanner) {
        case .blank:
            return
        case .problem(let reason):
            fail(line, reason, &state)
        case .task(let bytes, let lo, let layout):
            let members = state.scanner.members
            let id = members[layout[.id]!]
            var item: Int32?
            func keep(_ idBytes: UnsafeRawBufferPointer) {
                state.result.ids.append(idBytes)
                item = labeledLines?.lookup.item(utf8: idBytes)
            }
            if id.valueHasEscapes {
                var decoded: [UInt8] = []
                JSONStringDecoder.appendDecoded(p + lo, (id.valueRange.lowerBound + 1)..<(id.valueRange.upperBound - 1), to: &decoded)
                decoded.withUnsafeBytes { keep($0) }
            } else {
                keep(UnsafeRawBufferPointer(rebasing: bytes[(id.valueRange.lowerBound + 1)..<(id.valueRange.upperBound - 1)]))
            }
            if let request = labeledLines {
                if let item {
                    let lengths = ResponseLengths.judged(bytes, members, layout)
                    state.result.labeled?.append(LabeledTaskLines.Found(task: Int32(state.result.records.count), item: item,
                                                                        line: LabeledTaskLines.line(bytes, item: Int(item),
                                                                                                    lengths: lengths, request)))
                }
            } else if readsAhead {
                // Which lines are labeled is not known yet: take what a labeled line gives from
                // every line while its bytes are at hand (reading the labeled ones back at the
                // join cost more than hashing the rest now: docs/REPORT.md).
                let lengths = ResponseLengths.judged(bytes, members, layout)
                state.result.judgedLengths.append(lengths.0)
                state.result.judgedLengths.append(lengths.1)
                state.result.digests.append(SHA256Bytes(of: bytes))
            }
            let modelA = layout[.modelA].map { model(bytes, members[$0], &state) } ?? 0
            let modelB = layout[.modelB].map { model(bytes, members[$0], &state) } ?? 0
            state.result.records.append(TaskRecord(offset: fileOffset + lo, length: bytes.count, line: line,
                                                   modelA: modelA, modelB: modelB))
        }
    }

    /// The model named by a string member as its id plus 1; 0 for null.
    private func model(_ bytes: UnsafeRawBufferPointer, _ member: JSONMemberSpan, _ state: inout State) -> UInt32 {
        guard member.kind == .string else { return 0 }
        let content = (member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1)
        return UInt32(state.result.models.intern(content: bytes, content, hasEscapes: member.valueHasEscapes) + 1)
    }

    private func fail(_ line: Int, _ reason: String, _ state: inout State) {
        state.result.errorCount += 1
        if state.result.errors.count < TaskFileSegment.keptErrors {
            state.result.errors.append(InputError(file: file.path, line: line, reason: reason))
        }
    }
}
