#if canImport(Glibc)
import Glibc
#endif

/// One slice of a task file read for an export: every line validated as `TaskFileSegment`
/// validates it (same tolerances, same sentences); for the lines of wanted tasks it also keeps
/// where they are, the member spans the scanner found and their hash, so that the export
/// reads them back without scanning or hashing them again.
struct ExportTaskSlice {
    /// What one slice gave.
    struct Result: Sendable {
        var ids = TaskIdTable()
        /// The line (counted within the slice) of each task, in order.
        var lines: [Int] = []
        /// The wanted tasks, by their ordinal within the slice.
        var wanted: [(Int, WantedLine)] = []
        var errors: [InputError] = []
        var errorCount = 0
        var lineCount = 0
    }

    let file: PositionalFile
    let range: Range<Int>
    /// True for the slice at offset 0, where a UTF-8 BOM is tolerated.
    let startsFile: Bool
    /// Ids whose lines the export needs.
    let wanted: WantedTasks
    var chunkSize = 2 << 20

    func run() throws(InputError) -> Result {
        var state = State()
        try file.forEachLine(in: range, chunkSize: chunkSize) { buffer, line, fileOffset in
            handle(buffer, line, fileOffset: fileOffset, &state)
        }
        return state.result
    }

    private struct State {
        var result = Result()
        var scanner = JSONLineScanner()
    }

    /// One line (without its `\n`), exactly as `TaskFileSegment` takes it.
    private func handle(_ buffer: UnsafeMutableRawPointer, _ range: Range<Int>, fileOffset: Int, _ state: inout State) {
        state.result.lineCount += 1
        let line = state.result.lineCount
        let p = buffer.assumingMemoryBound(to: UInt8.self)
        switch TaskLineCheck.check(p, range, stripBOM: startsFile && line == 1, scanner: &state.scanner) {
        case .blank:
            return
        case .problem(let reason):
            fail(line, reason, &state)
        case .task(let bytes, let lo, let layout):
            let members = state.scanner.members
            let id = JSONStringDecoder.decodeValue(bytes, members[layout[.id]!].valueRange)
            var utf8 = id
            utf8.withUTF8 { state.result.ids.append(UnsafeRawBufferPointer($0)) }
            let ordinal = state.result.lines.count
            state.result.lines.append(line)
            if wanted.contains(id) {
                // Where the line is and what the scanner found in it, so that the export reads
                // it back later without scanning it again; its hash now, while it is here.
                state.result.wanted.append((ordinal, WantedLine(offset: fileOffset + lo, length: bytes.count, line: line,
                                                                 members: members, layout: layout, id: id,
                                                                 sha256: SHA256Hex.of(bytes))))
            }
        }
    }

    private func fail(_ line: Int, _ reason: String, _ state: inout State) {
        state.result.errorCount += 1
        if state.result.errors.count < TaskFileSegment.keptErrors {
            state.result.errors.append(InputError(file: file.path, line: line, reason: reason))
        }
    }
}

/// A wanted task's line: where it is (BOM and surrounding whitespace excluded) and what the
/// validating scan found in it.
struct WantedLine: Sendable {
    var offset: Int
    var length: Int
    /// 1-based line within the slice (made file-wide by the join).
    var line: Int
    var members: [JSONMemberSpan]
    var layout: TaskLineSchema.Layout
    var id: String
    var sha256: String
}
