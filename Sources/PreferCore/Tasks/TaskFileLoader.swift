import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validates a whole task file on every core: the file is cut at line starts into slices
/// that workers validate independently, while one more job hashes the whole file; the
/// slices are then joined in order (line numbers, model names, duplicate ids).
enum TaskFileLoader {
    /// Everything `TaskFile` keeps after a successful load.
    struct Loaded {
        var file: PositionalFile
        var sha256: String
        var records: [TaskRecord]
        var ids: TaskIdTable
        var models: [String]
    }

    /// Slices are about this big; enough of them that two workers finish close together.
    static let sliceSize = 16 << 20
    static let maximumSlices = 32

    /// Loads and validates `path`; `sliceSize` is a parameter only so that tests can make
    /// small files take the many-slice path.
    static func load(path: String, sliceSize: Int = TaskFileLoader.sliceSize) throws(ValidationFailure) -> Loaded {
        let file: PositionalFile
        do {
            file = try PositionalFile(path: path)
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return try load(file, sliceSize: sliceSize)
    }

    /// Loads and validates an opened file (on disk or in memory); errors name `file.path`.
    static func load(_ file: PositionalFile, sliceSize: Int = TaskFileLoader.sliceSize) throws(ValidationFailure) -> Loaded {
        let path = file.path
        let size = file.stamp.size
        let cuts: [Int]
        do {
            cuts = try sliceStarts(file, size: size, sliceSize: sliceSize)
        } catch {
            throw ValidationFailure(errors: [error])
        }

        // Job 0 hashes the whole file (the longest single job, so it starts first); job k
        // validates slice k - 1.
        let slices = cuts.count - 1
        let outcomes = JobResults<Result<TaskFileSegmentResult, InputError>>(count: slices)
        let digest = JobResults<Result<String, InputError>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: slices + 1) { job in
            if job == 0 {
                digest[0] = Result { () throws(InputError) in try SHA256Hex.of(file, count: size) }
            } else {
                let segment = TaskFileSegment(file: file, range: cuts[job - 1]..<cuts[job], startsFile: job == 1)
                outcomes[job - 1] = Result { () throws(InputError) in try segment.run() }
            }
        }

        var parts: [TaskFileSegmentResult] = []
        let sha256: String
        do throws(InputError) {
            for k in 0..<slices { parts.append(try outcomes[k]!.get()) }
            sha256 = try digest[0]!.get()
            if file.currentStamp() != file.stamp {
                throw InputError(file: path, reason: "changed while it was being read; load it again")
            }
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return try join(parts, file: file, sha256: sha256)
    }

    /// Offsets where slices start (each a line start), plus the file size at the end.
    private static func sliceStarts(_ file: PositionalFile, size: Int, sliceSize: Int) throws(InputError) -> [Int] {
        let wanted = min(maximumSlices, max(1, size / max(sliceSize, 1)))
        var cuts = [0]
        for k in 1..<max(wanted, 1) {
            let target = size / wanted * k
            guard target > cuts[cuts.count - 1] else { continue }
            let start = try lineStart(file, atOrAfter: target, size: size)
            if start > cuts[cuts.count - 1] && start < size { cuts.append(start) }
        }
        cuts.append(size)
        return cuts
    }

    /// The offset just after the first newline at or after `offset` (the size if none).
    private static func lineStart(_ file: PositionalFile, atOrAfter offset: Int, size: Int) throws(InputError) -> Int {
        let window = 1 << 16
        var buffer = [UInt8](repeating: 0, count: window)
        var position = offset
        while position < size {
            let count = min(window, size - position)
            let found: Result<Int?, InputError> = buffer.withUnsafeMutableBytes { raw in
                Result { () throws(InputError) -> Int? in
                    try file.read(into: raw.baseAddress!, count: count, at: position)
                    guard let hit = memchr(raw.baseAddress!, 0x0A, count) else { return nil }
                    return raw.baseAddress!.distance(to: hit)
                }
            }
            if let hit = try found.get() { return position + hit + 1 }
            position += count
        }
        return size
    }

    /// Joins the slices in file order and looks for duplicate ids across all of them.
    private static func join(_ parts: [TaskFileSegmentResult], file: PositionalFile,
                             sha256: String) throws(ValidationFailure) -> Loaded {
        let total = parts.reduce(0) { $0 + $1.records.count }
        var records: [TaskRecord] = []
        var ids = TaskIdTable()
        records.reserveCapacity(total)
        var models = ModelNameTable()
        var problems = TaskFileProblems()
        for part in parts {
            let mapping = part.models.map { models.intern($0) }
            for var record in part.records {
                record.line += problems.lineBase
                if record.modelA > 0 { record.modelA = mapping[Int(record.modelA) - 1] }
                if record.modelB > 0 { record.modelB = mapping[Int(record.modelB) - 1] }
                records.append(record)
            }
            ids.append(contentsOf: part.ids)
            problems.addSlice(errors: part.errors, count: part.errorCount, lineCount: part.lineCount)
        }

        try problems.finish(path: file.path, ids: &ids, taskCount: records.count, line: { records[$0].line })
        return Loaded(file: file, sha256: sha256, records: records, ids: ids, models: models.names)
    }
}
