import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The model names of labeled tasks, read from a task file (`--tasks`) that is validated line
/// by line exactly as `TaskFile.load` validates it (same scanner, same schema check, same
/// messages), on every core.
///
/// Unlike `TaskFile.load` it does not hash the whole file (a report has no use for
/// `tasks_sha256`, and hashing 3 GB costs a core for two seconds), keeps nothing of a task that
/// no label refers to, and checks duplicate ids only among labeled tasks (`prefer validate`
/// checks them all).
public struct TaskModelIndex: Sendable, Equatable {
    /// Distinct model names of the labeled tasks, in first-seen order.
    public var modelNames: [String] = []
    /// Per item of the label set: index into `modelNames`, -1 when the task names no model.
    public var itemModelA: [Int32] = []
    public var itemModelB: [Int32] = []
    /// Per item: whether the task file holds it.
    public var found: [Bool] = []
    /// Per item found: where its task's bytes are in the file (as `ScannedSlice` has them),
    /// so that the labels' `task_sha256` can be checked against the line.
    var itemOffset: [Int] = []
    var itemLength: [Int] = []
    /// Tasks in the file.
    public var taskCount = 0

    /// Reads `path` for the items named `items` (the label set's `itemNames`).
    public static func load(path: String, items: [String]) throws(ValidationFailure) -> TaskModelIndex {
        var table = NameTable(capacity: items.count)
        var itemOfTask: [Int32] = []
        let lookup = LabeledItemLookup(items: items)
        let scan = TaskFileScan(path: path)
        DispatchQueue.concurrentPerform(iterations: scan.sliceCount) { _ in scan.work() }
        return try index(scan, items: items, lookup: lookup)
    }

    /// The index from a finished scan: each slice's tasks matched to items by `lookup`.
    static func index(_ scan: TaskFileScan, items: [String], lookup: LabeledItemLookup) throws(ValidationFailure) -> TaskModelIndex {
        let segments = try scan.results()
        var parts = [SliceResult?](repeating: nil, count: segments.count)
        // Matching a million ids is a hash probe each; split it over the slices on every core.
        let matched = JobResults<SliceResult>(count: segments.count)
        DispatchQueue.concurrentPerform(iterations: segments.count) { k in
            matched[k] = SliceResult(segments[k], lookup: lookup)
        }
        for k in 0..<segments.count { parts[k] = matched[k] }
        return try join(parts.map { $0! }, itemCount: items.count, items: items, path: scan.path)
    }

    /// What one slice contributes: its labeled tasks, its problems and its line count.
    struct SliceResult {
        var matches: [(item: Int32, line: Int, modelA: UInt32, modelB: UInt32, offset: Int, length: Int)] = []
        var models: [String]
        var errors: [InputError]
        var errorCount: Int
        var lineCount: Int
        var taskCount: Int

        init(_ segment: ScannedSlice, lookup: LabeledItemLookup) {
            models = segment.models
            errors = segment.errors
            errorCount = segment.errorCount
            lineCount = segment.lineCount
            taskCount = segment.lines.count
            for k in 0..<segment.ids.count {
                guard let item = segment.ids.withId(k, { lookup.item(utf8: $0) }) else { continue }
                matches.append((item, Int(segment.lines[k]), segment.modelA[k], segment.modelB[k], segment.offsets[k],
                                segment.lengths[k]))
            }
        }
    }

    private static func join(_ parts: [SliceResult], itemCount: Int, items: [String],
                             path: String) throws(ValidationFailure) -> TaskModelIndex {
        var index = TaskModelIndex()
        index.itemModelA = [Int32](repeating: -1, count: itemCount)
        index.itemModelB = index.itemModelA
        index.found = [Bool](repeating: false, count: itemCount)
        index.itemOffset = [Int](repeating: 0, count: itemCount)
        index.itemLength = index.itemOffset
        var firstLine = [Int](repeating: 0, count: itemCount)
        var models = NameTable(capacity: 16)
        var problems = TaskFileProblems()
        for part in parts {
            let mapping = part.models.map { models.intern($0) }
            let lineBase = problems.lineBase
            problems.addSlice(errors: part.errors, count: part.errorCount, lineCount: part.lineCount)
            for match in part.matches {
                let item = Int(match.item), line = match.line + lineBase
                if index.found[item] {
                    problems.add(InputError(file: path, line: line,
                                            reason: "duplicate id \(JSONMessageText.quoted(items[item])) (first on line \(firstLine[item]))"))
                    continue
                }
                index.found[item] = true
                firstLine[item] = line
                index.itemOffset[item] = match.offset
                index.itemLength[item] = match.length
                if match.modelA > 0 { index.itemModelA[item] = mapping[Int(match.modelA) - 1] }
                if match.modelB > 0 { index.itemModelB[item] = mapping[Int(match.modelB) - 1] }
            }
            index.taskCount += part.taskCount
        }
        try problems.throwFirst()
        try TaskFileProblems.requireTasks(index.taskCount, path: path)
        index.modelNames = models.names
        return index
    }

    /// Slices of about `sliceSize` bytes (16 MB) starting at line starts, plus the file size
    /// at the end.
    static func sliceStarts(_ file: PositionalFile, size: Int, sliceSize: Int = 16 << 20) throws(InputError) -> [Int] {
        var cuts = [0]
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var target = sliceSize
        while target < size {
            // The first line start at or after `target`.
            var position = target
            var found: Int?
            while position < size && found == nil {
                let count = min(window.count, size - position)
                let hit: Result<Int?, InputError> = window.withUnsafeMutableBytes { raw in
                    Result { () throws(InputError) -> Int? in
                        try file.read(into: raw.baseAddress!, count: count, at: position)
                        return memchr(raw.baseAddress!, 0x0A, count).map { raw.baseAddress!.distance(to: $0) }
                    }
                }
                if let offset = try hit.get() { found = position + offset + 1 } else { position += count }
            }
            guard let start = found, start < size else { break }
            cuts.append(start)
            target = start + sliceSize
        }
        cuts.append(size)
        return cuts
    }
}
