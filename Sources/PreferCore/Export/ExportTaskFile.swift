import Dispatch
import Foundation

/// A task file validated for an export, with what the export needs to read the labeled
/// tasks back quickly: where each line is, the member spans the validating scan found in it,
/// and its `task_sha256`.
///
/// Every line is checked with `TaskFile`'s own scanner and schema and reported with the same
/// `FILE:LINE: reason` sentences and the same limits; duplicate ids are found across the
/// whole file (a differential test holds all of this to `TaskFile.load`). Unlike
/// `TaskFile.load` it does not hash the whole file, which an export has no use for. Lines are
/// read back through the descriptor that was validated and only while its size, inode and
/// modification time are unchanged (`TaskFile`'s own guarantee). Nothing is exported from a
/// file that fails.
public final class ExportTaskFile: Sendable {
    /// The path as given.
    public let path: String
    private let file: PositionalFile
    private let ids: TaskIdTable
    private let lines: [Int]
    /// Per task, where its line is when it was wanted.
    private let wanted: [WantedLine?]

    private init(path: String, file: PositionalFile, ids: TaskIdTable, lines: [Int], wanted: [WantedLine?]) {
        self.path = path
        self.file = file
        self.ids = ids
        self.lines = lines
        self.wanted = wanted
    }

    /// Reads and validates the task file, keeping what is needed to export the tasks `labels` name.
    public static func load(path: String, labels: [EffectiveLabel],
                            workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ValidationFailure) -> ExportTaskFile {
        try load(path: path, wanted: WantedTasks(labels: labels, workers: workers), workers: workers,
                 sliceSize: 16 << 20, chunkSize: 2 << 20)
    }

    /// Reads and validates the task file, keeping what is needed to export the tasks `wanted` names.
    public static func load(path: String, wanted: Set<String>,
                            workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ValidationFailure) -> ExportTaskFile {
        try load(path: path, wanted: WantedTasks(wanted), workers: workers, sliceSize: 16 << 20, chunkSize: 2 << 20)
    }

    /// `load` with small slices and chunks, so that tests take the many-slice paths.
    static func load(path: String, wanted: Set<String>, workers: Int, sliceSize: Int, chunkSize: Int) throws(ValidationFailure) -> ExportTaskFile {
        try load(path: path, wanted: WantedTasks(wanted), workers: workers, sliceSize: sliceSize, chunkSize: chunkSize)
    }

    static func load(path: String, wanted: WantedTasks, workers: Int, sliceSize: Int, chunkSize: Int) throws(ValidationFailure) -> ExportTaskFile {
        let file: PositionalFile
        let cuts: [Int]
        do {
            file = try PositionalFile(path: path)
            cuts = try sliceStarts(file, sliceSize: sliceSize)
        } catch {
            throw ValidationFailure(errors: [error])
        }
        let slices = cuts.count - 1
        let outcomes = JobResults<Result<ExportTaskSlice.Result, InputError>>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            let slice = ExportTaskSlice(file: file, range: cuts[k]..<cuts[k + 1], startsFile: k == 0, wanted: wanted,
                                        chunkSize: chunkSize)
            outcomes[k] = Result { () throws(InputError) in try slice.run() }
        }
        var parts: [ExportTaskSlice.Result] = []
        do throws(InputError) {
            for k in 0..<slices { parts.append(try outcomes[k]!.get()) }
            if file.currentStamp() != file.stamp {
                throw InputError(file: path, reason: "changed while it was being read; load it again")
            }
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return try join(parts, file: file, path: path)
    }

    /// How many tasks the file holds.
    public var count: Int { lines.count }

    /// The position of the task with this id.
    public func index(of id: String) -> Int? { ids.position(of: id) }

    /// The id of task `index`.
    public func id(at index: Int) -> String { ids.id(at: index) }

    /// The 1-based line of task `index`.
    public func line(at index: Int) -> Int { lines[index] }

    /// Where task `index`'s line is and what was found in it, when it was wanted.
    func wantedLine(at index: Int) -> WantedLine? { index < wanted.count ? wanted[index] : nil }

    /// The content of task `index` when it was wanted, read back on its own (exports read many
    /// lines at once; this is for checks and tests).
    func pieces(at index: Int) throws(InputError) -> TaskPieces? {
        guard let line = wantedLine(at: index) else { return nil }
        var buffer: [UInt8] = []
        try read(line.offset..<(line.offset + line.length), into: &buffer)
        return buffer.withUnsafeBytes { raw in
            TaskLinePieces.make(raw, line.members, line.layout, id: line.id, sha256: line.sha256)
        }
    }

    /// Reads `range` of the file into `buffer` (replacing its contents), checking before and
    /// after that the file is still the one that was validated.
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) throws(InputError) {
        try checkUnchanged()
        // A reused buffer keeps its capacity, so after the first batch this allocates nothing.
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        let file = self.file
        let read: Result<Void, InputError> = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(InputError) in try file.read(into: raw.baseAddress!, count: range.count, at: range.lowerBound) }
        }
        try read.get()
        try checkUnchanged()
    }

    /// Fails when the file's size, inode or modification time differ from when it was validated.
    func checkUnchanged() throws(InputError) {
        guard file.currentStamp() == file.stamp else {
            throw InputError(file: path, reason: "the file changed after it was loaded; export again")
        }
    }

    /// Offsets where slices start (each a line start), and the size at the end; as
    /// `TaskFileLoader` cuts, so that slices are validated alike.
    private static func sliceStarts(_ file: PositionalFile, sliceSize: Int) throws(InputError) -> [Int] {
        let size = file.stamp.size
        let wanted = min(TaskFileLoader.maximumSlices, max(1, size / max(sliceSize, 1)))
        var cuts = [0]
        var window = [UInt8](repeating: 0, count: 1 << 16)
        for k in 1..<max(wanted, 1) {
            var position = size / wanted * k
            guard position > cuts[cuts.count - 1] else { continue }
            var start = size
            while position < size {
                let count = min(window.count, size - position)
                let hit: Result<Int?, InputError> = window.withUnsafeMutableBytes { raw in
                    Result { () throws(InputError) -> Int? in
                        try file.read(into: raw.baseAddress!, count: count, at: position)
                        return memchr(raw.baseAddress!, 0x0A, count).map { raw.baseAddress!.distance(to: $0) }
                    }
                }
                if let found = try hit.get() {
                    start = position + found + 1
                    break
                }
                position += count
            }
            if start > cuts[cuts.count - 1] && start < size { cuts.append(start) }
        }
        cuts.append(size)
        return cuts
    }

    /// Joins the slices in order: line numbers made file-wide, duplicate ids found, and the
    /// first problems kept in line order, as `TaskFileLoader` joins.
    private static func join(_ parts: [ExportTaskSlice.Result], file: PositionalFile, path: String) throws(ValidationFailure) -> ExportTaskFile {
        var ids = TaskIdTable()
        var lines: [Int] = []
        var wanted: [WantedLine?] = []
        var errors: [InputError] = []
        var errorCount = 0
        var lineBase = 0
        for part in parts {
            let base = lines.count
            lines.append(contentsOf: part.lines.map { $0 + lineBase })
            wanted.append(contentsOf: repeatElement(nil, count: part.lines.count))
            for (ordinal, var line) in part.wanted {
                line.line += lineBase
                wanted[base + ordinal] = line
            }
            ids.append(contentsOf: part.ids)
            for var error in part.errors {
                error.line = error.line.map { $0 + lineBase }
                errors.append(error)
            }
            errorCount += part.errorCount
            lineBase += part.lineCount
        }
        try TaskFileProblems.finish(path: path, ids: &ids, errors: errors, errorCount: errorCount,
                                    taskCount: lines.count, line: { lines[$0] })
        return ExportTaskFile(path: path, file: file, ids: ids, lines: lines, wanted: wanted)
    }
}
