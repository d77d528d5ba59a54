import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one validating scan of a task file (SPEC §2), for every command that reads one:
/// `TaskFile.load` (label, validate, make-tasks), `report --tasks` and `export`.
///
/// The file is cut at line starts into slices of about `Options.sliceSize` bytes; any number
/// of threads take the jobs (the whole-file hash when asked for, then the slices) one at a
/// time, so that a report or an export can start the scan on a thread of its own while the
/// session files are still being read and join in with every thread once they are done. How
/// the slices are joined is the caller's choice: every task (`allTasks`, for `TaskFile`), or
/// only the tasks that the labels name (`labeled`, for a report or an export).
final class TaskFileScan: @unchecked Sendable {
    /// What a scan does besides validating every line.
    struct Options: Sendable {
        /// Hash the whole file as well (a sitting's `tasks_sha256`); it is the longest single
        /// job, so it is taken first.
        var hashesFile = false
        /// What to do when the file changes while it is read.
        var rerun = "load it again"
        /// Small only in tests, so that small files take the many-slice paths.
        var sliceSize = 16 << 20
        /// In slices taken before `readLabeledLines` (a report's), keep every line's judged
        /// lengths and hash, so that the join need not read the labeled lines back.
        var readsAhead = false
    }

    let path: String
    /// The file as opened; nil when it could not be.
    let file: PositionalFile?
    let options: Options
    private let cuts: [Int]
    /// Why the file could not be opened or sliced; reported when the results are asked for,
    /// so that session errors still come first.
    private let openError: InputError?
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    /// Set when the caller joins (`slices`): from then on the background helper, whose
    /// priority was lowered for the session parse, takes no new job.
    private var joined = false
    private let outcomes: JobResults<Result<TaskFileSegmentResult, InputError>>
    private let digest = JobResults<Result<String, InputError>>(count: 1)
    /// Signalled once by each background helper when it has no job left.
    private let helperDone = DispatchSemaphore(value: 0)
    private var helpers = 0
    /// What the slice workers take from the labeled lines, from when the labels are known
    /// (`readLabeledLines`); a slice taken before then is read back at the join instead.
    private var labeledLines: LabeledTaskLines.Request?

    /// Opens `path` and finds its slices; reads nothing else yet.
    convenience init(path: String, options: Options = Options()) {
        do {
            self.init(file: try PositionalFile(path: path), options: options)
        } catch {
            self.init(path: path, file: nil, error: error, options: options)
        }
    }

    /// Finds the slices of a file already opened (on disk or in memory); errors name `file.path`.
    convenience init(file: PositionalFile, options: Options = Options()) {
        self.init(path: file.path, file: file, error: nil, options: options)
    }

    private init(path: String, file: PositionalFile?, error: InputError?, options: Options) {
        self.path = path
        self.options = options
        var cuts: [Int] = [0]
        var openError = error
        if let file {
            do {
                cuts = try Self.sliceStarts(file, sliceSize: options.sliceSize)
            } catch {
                openError = error
            }
        }
        self.file = openError == nil ? file : nil
        self.cuts = cuts
        self.openError = openError
        outcomes = JobResults(count: max(cuts.count - 1, 0))
    }

    private var sliceCount: Int { openError == nil ? cuts.count - 1 : 0 }
    private var jobCount: Int { sliceCount == 0 ? 0 : sliceCount + (options.hashesFile ? 1 : 0) }

    /// Runs the whole scan now, on every core.
    func run() {
        DispatchQueue.concurrentPerform(iterations: max(jobCount, 1)) { _ in work() }
    }

    /// Starts one background thread that takes jobs until none is left.
    func startHelper() {
        guard jobCount > 0 else { return }
        helpers += 1
        let thread = Thread { [self] in
            #if canImport(Glibc)
            // The session parse that runs meanwhile is on the critical path (replay waits for
            // it); the scan is not until replay ends, so it yields the cores to the parse and
            // takes the one that replay leaves idle.
            // On Linux the nice value is per thread: who = 0 is this thread alone.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            work(asHelper: true)
            helperDone.signal()
        }
        thread.start()
    }

    /// Takes jobs on the calling thread until none is left (or the scan is stopped; for the
    /// background helper, also once the caller has joined).
    func work(asHelper: Bool = false) {
        guard let file else { return }
        let hashJobs = options.hashesFile ? 1 : 0
        while let (job, labeledLines) = take(asHelper: asHelper) {
            if job < hashJobs {
                digest[0] = Result { () throws(InputError) in try SHA256Hex.of(file, count: file.stamp.size) }
                continue
            }
            let k = job - hashJobs
            let segment = TaskFileSegment(file: file, range: cuts[k]..<cuts[k + 1], labeledLines: labeledLines,
                                          readsAhead: options.readsAhead)
            outcomes[k] = Result { () throws(InputError) in try segment.run() }
        }
    }

    /// Lets the helpers finish the job they hold and take no other; for a report that fails
    /// before it needs the tasks.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        waitForHelpers()
    }

    private func waitForHelpers() {
        while helpers > 0 {
            helperDone.wait()
            helpers -= 1
        }
    }

    /// From now on, each slice taken also takes what `request` asks of its labeled lines while
    /// it has their bytes in memory (for a report: no second read of the lines, and their
    /// hashing spread over the slices' workers). The labels are known only once the session
    /// files are read, so this is set then, not in `Options`.
    func readLabeledLines(_ request: LabeledTaskLines.Request) {
        lock.lock()
        labeledLines = request
        lock.unlock()
    }

    private func take(asHelper: Bool) -> (Int, LabeledTaskLines.Request?)? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, !(asHelper && joined), next < jobCount else { return nil }
        next += 1
        return (next - 1, labeledLines)
    }

    /// What every way of joining starts from: the file, each slice's result in file order, and
    /// the whole file's hash when it was asked for.
    struct Slices {
        var file: PositionalFile
        var parts: [TaskFileSegmentResult]
        var sha256: String?
        /// What `readLabeledLines` asked for, if it was.
        var labeledLines: LabeledTaskLines.Request?
    }

    /// Finishes the scan on every core, waits for the helpers, and returns every slice's
    /// result in file order, or the first problem that stops the scan.
    func slices() throws(ValidationFailure) -> Slices {
        if let openError { throw ValidationFailure(errors: [openError]) }
        guard let file else { throw ValidationFailure(errors: [InputError(file: path, reason: "cannot be read")]) }
        // The sessions are read: the scan is on the critical path now. The helper keeps its
        // lowered priority (an unprivileged thread cannot raise it again), so it finishes the
        // slice it holds and the rest go to threads at the process's own priority; left to
        // the helper and this thread, a report took its slices on about one core whenever
        // any other process wanted a core.
        lock.lock()
        joined = true
        let left = jobCount - next
        lock.unlock()
        DispatchQueue.concurrentPerform(iterations: max(min(left, ProcessInfo.processInfo.activeProcessorCount), 1)) { _ in work() }
        waitForHelpers()
        var parts: [TaskFileSegmentResult] = []
        var sha256: String?
        do throws(InputError) {
            for k in 0..<sliceCount { parts.append(try outcomes[k]!.get()) }
            if options.hashesFile { sha256 = try digest[0]!.get() }
            if file.currentStamp() != file.stamp {
                throw InputError(file: path, reason: "changed while it was being read; \(options.rerun)")
            }
        } catch {
            throw ValidationFailure(errors: [error])
        }
        lock.lock()
        let request = labeledLines
        lock.unlock()
        return Slices(file: file, parts: parts, sha256: sha256, labeledLines: request)
    }

    /// Offsets where slices start (each a line start, the first 0), plus the file size at the
    /// end: the first line start at or after each `sliceSize` bytes from the last start.
    private static func sliceStarts(_ file: PositionalFile, sliceSize: Int) throws(InputError) -> [Int] {
        let size = file.stamp.size
        var cuts = [0]
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var target = max(sliceSize, 1)
        while target < size {
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
            target = start + max(sliceSize, 1)
        }
        cuts.append(size)
        return cuts
    }
}
