import Dispatch
import Foundation

/// The task file of an export, validated whole and matched to the labeled items.
///
/// The validating scan is the report's (`TaskFileScan`: `TaskFile`'s scanner, schema and
/// sentences, on every core, started while the sessions are still being read); duplicate ids
/// are found across the whole file as `TaskFile.load` finds them. For each labeled item it
/// keeps where the task's line is, which the export reads back through the descriptor that
/// was validated, and only while the file's size, inode and modification time are unchanged.
/// Nothing is exported from a file that fails.
public final class ExportTasks: Sendable {
    /// The path as given.
    public let path: String
    private let file: PositionalFile
    /// How many tasks the file holds.
    public let count: Int
    /// Per item of the label set: the task's position in the file, or -1 when the file has
    /// no task of that id.
    let position: [Int]
    /// Per item: where its task's bytes are, and its line.
    let offset: [Int]
    let length: [Int]
    let line: [Int]

    private init(path: String, file: PositionalFile, count: Int, position: [Int], offset: [Int], length: [Int], line: [Int]) {
        self.path = path
        self.file = file
        self.count = count
        self.position = position
        self.offset = offset
        self.length = length
        self.line = line
    }

    /// Reads and validates `path` on every core for the tasks named `items` (item `k` is
    /// `items[k]`); `sliceSize` is small only in tests.
    static func load(path: String, items: [String], sliceSize: Int = 16 << 20) throws(ValidationFailure) -> ExportTasks {
        let scan = TaskFileScan(path: path, rerun: "export again", sliceSize: sliceSize)
        DispatchQueue.concurrentPerform(iterations: max(scan.sliceCount, 1)) { _ in scan.work() }
        return try index(scan, lookup: LabeledItemLookup(items: items), items: items.count)
    }

    /// The tasks from a scan (finished here on the calling thread, with any helpers started),
    /// matched to the `items` items that `lookup` finds by task id.
    static func index(_ scan: TaskFileScan, lookup: LabeledItemLookup, items: Int) throws(ValidationFailure) -> ExportTasks {
        let slices = try scan.results()
        guard let file = scan.file else { throw ValidationFailure(errors: [InputError(file: scan.path, reason: "cannot be read")]) }
        // Matching the ids is a hash probe each; split over the slices on every core.
        let matched = JobResults<[(item: Int32, task: Int32)]>(count: slices.count)
        DispatchQueue.concurrentPerform(iterations: slices.count) { k in
            var found: [(item: Int32, task: Int32)] = []
            let ids = slices[k].ids
            found.reserveCapacity(ids.count)
            for t in 0..<ids.count {
                if let item = ids.withId(t, { lookup.item(utf8: $0) }) { found.append((item, Int32(t))) }
            }
            matched[k] = found
        }
        var position = [Int](repeating: -1, count: items)
        var offset = [Int](repeating: 0, count: items)
        var length = [Int](repeating: 0, count: items)
        var line = [Int](repeating: 0, count: items)
        var ids = TaskIdTable()
        var lines: [Int] = []
        var problems = TaskFileProblems()
        for (k, slice) in slices.enumerated() {
            let base = lines.count, lineBase = problems.lineBase
            for (item, task) in matched[k] ?? [] where position[Int(item)] < 0 {
                let i = Int(item), t = Int(task)
                position[i] = base + t
                offset[i] = slice.offsets[t]
                length[i] = slice.lengths[t]
                line[i] = Int(slice.lines[t]) + lineBase
            }
            lines.append(contentsOf: slice.lines.lazy.map { Int($0) + lineBase })
            ids.append(contentsOf: slice.ids)
            problems.addSlice(errors: slice.errors, count: slice.errorCount, lineCount: slice.lineCount)
        }
        try problems.finish(path: scan.path, ids: &ids, taskCount: lines.count, line: { lines[$0] })
        return ExportTasks(path: scan.path, file: file, count: lines.count, position: position, offset: offset,
                           length: length, line: line)
    }

    /// Reads `range` of the file into `buffer`, checking before and after that the file is
    /// still the one that was validated; returns the bytes read.
    func read(_ range: Range<Int>, into buffer: ReadBuffer) throws(InputError) -> UnsafeRawBufferPointer {
        try checkUnchanged()
        let start = buffer.reserve(range.count)
        try file.read(into: start, count: range.count, at: range.lowerBound)
        try checkUnchanged()
        return UnsafeRawBufferPointer(start: start, count: range.count)
    }

    /// The content of item `item`'s task, read back on its own (exports read many lines at
    /// once; this is for checks and tests); nil when the file has no such task.
    func pieces(ofItem item: Int) throws(InputError) -> TaskPieces? {
        guard position[item] >= 0 else { return nil }
        let buffer = ReadBuffer()
        let line = try read(offset[item]..<(offset[item] + length[item]), into: buffer)
        return withExtendedLifetime(buffer) { TaskLinePieces.make(validated: line) }
    }

    /// Fails when the file's size, inode or modification time differ from when it was validated.
    func checkUnchanged() throws(InputError) {
        guard file.currentStamp() == file.stamp else {
            throw InputError(file: path, reason: "the file changed after it was loaded; export again")
        }
    }
}

/// Memory that a worker reads task lines into, kept from one batch to the next and never
/// zeroed first (pread fills it), unlike an array.
final class ReadBuffer: @unchecked Sendable {
    private var start: UnsafeMutableRawPointer?
    private var capacity = 0

    /// At least `count` bytes, their contents undefined.
    func reserve(_ count: Int) -> UnsafeMutableRawPointer {
        if count > capacity || start == nil {
            start?.deallocate()
            capacity = max(count, 1)
            start = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        return start!
    }

    deinit { start?.deallocate() }
}
