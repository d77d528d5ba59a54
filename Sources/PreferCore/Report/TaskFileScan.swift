import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The validating scan of a task file, in slices that any number of threads take one at a
/// time, so that a report can start it on a thread of its own while the session files are
/// still being read and replayed, and join in with every thread once they are done.
///
/// The scan needs nothing from the sessions: it keeps each slice's ids, models and problems,
/// and `TaskModelIndex.index` matches them to the labeled items afterwards.
final class TaskFileScan: @unchecked Sendable {
    let path: String
    /// The file as opened; nil when it could not be.
    let file: PositionalFile?
    /// What to do when the file changes while it is read ("run the report again").
    private let rerun: String
    private let cuts: [Int]
    /// Why the file could not be opened or sliced; reported when the results are asked for,
    /// so that session errors still come first.
    private let openError: InputError?
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private let outcomes: JobResults<Result<ScannedSlice, InputError>>
    /// Signalled once by each background helper when it has no slice left.
    private let helperDone = DispatchSemaphore(value: 0)
    private var helpers = 0

    /// Opens `path` and finds its slices; reads nothing else yet.
    /// `sliceSize` is small only in tests, so that small files take the many-slice paths.
    init(path: String, rerun: String = "run the report again", sliceSize: Int = 16 << 20) {
        self.path = path
        self.rerun = rerun
        var file: PositionalFile?
        var cuts: [Int] = [0]
        var openError: InputError?
        do {
            let opened = try PositionalFile(path: path)
            file = opened
            cuts = try TaskModelIndex.sliceStarts(opened, size: opened.stamp.size, sliceSize: sliceSize)
        } catch {
            openError = error
        }
        self.file = file
        self.cuts = cuts
        self.openError = openError
        outcomes = JobResults(count: max(cuts.count - 1, 0))
    }

    var sliceCount: Int { openError == nil ? cuts.count - 1 : 0 }

    /// Starts one background thread that scans slices until none is left.
    func startHelper() {
        guard sliceCount > 0 else { return }
        helpers += 1
        let thread = Thread { [self] in
            #if canImport(Glibc)
            // The session parse that runs meanwhile is on the critical path (replay waits for
            // it); the scan is not until replay ends, so it yields the cores to the parse and
            // takes the one that replay leaves idle.
            // On Linux the nice value is per thread: who = 0 is this thread alone.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            work()
            helperDone.signal()
        }
        thread.start()
    }

    /// Scans slices on the calling thread until none is left (or the scan is stopped).
    func work() {
        guard let file else { return }
        while let k = take() {
            let segment = TaskFileSegment(file: file, range: cuts[k]..<cuts[k + 1], startsFile: k == 0)
            outcomes[k] = Result { () throws(InputError) in ScannedSlice(try segment.run()) }
        }
    }

    /// Lets the helpers finish the slice they hold and take no other; for a report that fails
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

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < cuts.count - 1 else { return nil }
        next += 1
        return next - 1
    }

    /// Finishes the scan on the calling thread too, waits for the helpers, and returns every
    /// slice's result in file order, or the first slice's error.
    func results() throws(ValidationFailure) -> [ScannedSlice] {
        if let openError { throw ValidationFailure(errors: [openError]) }
        work()
        waitForHelpers()
        var parts: [ScannedSlice] = []
        do throws(InputError) {
            for k in 0..<(cuts.count - 1) { parts.append(try outcomes[k]!.get()) }
            if let file, file.currentStamp() != file.stamp {
                throw InputError(file: path, reason: "changed while it was being read; \(rerun)")
            }
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return parts
    }
}

/// What a report or an export keeps of one scanned slice until the labeled items are known:
/// ids, lines, places and models of its tasks (28 bytes a task besides the id, not a whole
/// `TaskRecord`), and its problems.
struct ScannedSlice: Sendable {
    var ids: TaskIdTable
    var lines: [Int32]
    /// Where each task's bytes are in the file (BOM and surrounding whitespace excluded), so
    /// that an export reads the labeled ones back.
    var offsets: [Int]
    var lengths: [Int]
    var modelA: [UInt32]
    var modelB: [UInt32]
    var models: [String]
    var errors: [InputError]
    var errorCount: Int
    var lineCount: Int

    init(_ segment: TaskFileSegmentResult) {
        ids = segment.ids
        lines = segment.records.map { Int32(truncatingIfNeeded: $0.line) }
        offsets = segment.records.map(\.offset)
        lengths = segment.records.map(\.length)
        modelA = segment.records.map(\.modelA)
        modelB = segment.records.map(\.modelB)
        models = segment.models
        errors = segment.errors
        errorCount = segment.errorCount
        lineCount = segment.lineCount
    }
}
