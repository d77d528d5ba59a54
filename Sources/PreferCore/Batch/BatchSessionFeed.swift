import Foundation

/// What a batch sitting learns from the session files: every rater's events, handed to the
/// router once each, in replay order. Lines of a sitting whose `session_start` names
/// another task file (`tasks_sha256`) are left out: those labels were made on other content.
///
/// It reads through the one session-log reader, `SessionLogTail`, which resumes from a byte
/// offset per file: each look reads only the complete lines appended since the last (a torn
/// or growing last line waits until its newline is there) and files that appeared.
///
/// The reader hands on its events with its own interned name numbers; the feed keeps, per
/// reading worker, a table from those numbers to its own (`names`) and to task indices, and
/// extends it by the names that are new since the last look. So a name is looked up once,
/// however many events carry it (at a 100,000-task batch's start-up, ~100,000 task ids for
/// ~600,000 events).
///
/// Not for use from several threads at once; `readAhead` may run on another thread while
/// nothing else touches the feed (hence `@unchecked Sendable`).
public final class BatchSessionFeed: @unchecked Sendable {
    public let sessionsRoot: String
    /// The rater, choice and sitting numbers of the events handed on so far.
    public private(set) var names = RoutingNames()
    private let tail: SessionLogTail
    /// What `readAhead` read and no look has handed on yet.
    private var pending: [SessionLogTail.Event] = []
    private var pendingStartedOver = false
    private var pendingErrors: [InputError] = []
    /// Per reading worker: its rater, task and choice numbers → the feed's (task: index in
    /// the task file, or `RoutingEvent.noTask`).
    private var raterNumbers: [[Int32]] = []
    private var taskNumbers: [[Int32]] = []
    private var choiceNumbers: [[Int32]] = []
    /// Per file of the tail: its sitting number, or nil for a sitting on another task file.
    private var fileSittings: [Int32?] = []
    private var sittingKnown: [Bool] = []

    /// What one look found.
    public struct Look {
        public var events: [RoutingEvent] = []
        /// A file was replaced, cut short or removed: the events are the whole log again, and
        /// whatever was built from earlier looks must be built anew.
        public var startedOver = false
        /// Lines that cannot be read (another rater's damaged file), `FILE:LINE: reason`.
        public var errors: [InputError] = []
    }

    /// A feed of the session files under `sessionsRoot`, nothing read yet.
    /// - Parameter workers: threads to read with; nil uses every active processor.
    public init(sessionsRoot: String, workers: Int? = nil) {
        self.sessionsRoot = sessionsRoot
        tail = SessionLogTail(paths: [sessionsRoot], workers: workers)
    }

    /// The number this feed gives (or will give) the rater `name`.
    public func raterNumber(_ name: String) -> Int32 { names.rater(name) }

    /// The number this feed gives (or will give) the sitting of the session file `path`.
    public func sittingNumber(ofFile path: String) -> Int32 { names.sitting(ofFile: path) }

    /// Reads what was appended since the last reading, to be handed on by the next look; so
    /// that a sitting can read the session files (on another thread) while the task file is
    /// still being checked. Two readings handed on by one look are what two looks would give.
    public func readAhead() {
        let step = tail.advance()
        if !step.restarted.isEmpty {
            // Everything is read anew, by new workers with new file numbers.
            pending = []
            pendingStartedOver = true
            raterNumbers = []; taskNumbers = []; choiceNumbers = []; fileSittings = []; sittingKnown = []
        }
        pendingErrors += step.errors
        pending += tail.lastStepEvents()
    }

    /// The events that appeared since the last look (all of them the first time), for the
    /// batch whose task file is `tasks` (the same every look).
    public func look(in tasks: TaskFile) -> Look {
        look(tasksSHA256: tasks.sha256) { tasks.index(of: $0) }
    }

    /// `look(in:)` for the task file whose hash is `tasksSHA256` and whose task ids are at
    /// `taskIndex` (nil for one it lacks).
    func look(tasksSHA256: String, taskIndex: @escaping @Sendable (String) -> Int?) -> Look {
        readAhead()
        var look = Look(startedOver: pendingStartedOver, errors: pendingErrors)
        let events = pending
        pending = []; pendingStartedOver = false; pendingErrors = []
        updateTables(tasksSHA256: tasksSHA256, taskIndex: taskIndex)
        look.events.reserveCapacity(events.count)
        for event in events {
            guard let sitting = fileSittings[Int(event.file)] else { continue }
            let w = Int(event.worker)
            let kind: RoutingEvent.Kind
            switch event.kind {
            case .label:
                guard event.choice >= 0 else { continue }
                kind = .label(choice: choiceNumbers[w][Int(event.choice)], left: event.left)
            case .undo: kind = .undo
            case .skip: kind = .skip
            case .shown: kind = .shown(left: event.left)
            case .end: kind = .end
            }
            // Every kind but the end of a sitting names its task.
            let task: Int32
            if event.kind == .end {
                task = RoutingEvent.noTask
            } else {
                guard event.task >= 0 else { continue }
                task = taskNumbers[w][Int(event.task)]
            }
            look.events.append(RoutingEvent(
                rater: raterNumbers[w][Int(event.rater)], sitting: sitting, task: task, kind: kind,
                isRepeat: event.isRepeat, at: event.time.map { Date(timeIntervalSince1970: $0) },
                milliseconds: event.milliseconds))
        }
        return look
    }

    /// Extends the per-worker tables by the names read since the last look (the task ids on
    /// every core: ~100,000 per worker at start-up), and the file table by the files found (a
    /// file's `tasks_sha256` is known once its first line is read).
    private func updateTables(tasksSHA256: String, taskIndex: @escaping @Sendable (String) -> Int?) {
        let workers = tail.workerCount
        while raterNumbers.count < workers { raterNumbers.append([]); taskNumbers.append([]); choiceNumbers.append([]) }
        let tables = (0..<workers).map { tail.names(ofWorker: $0) }
        for w in 0..<workers {
            for id in raterNumbers[w].count..<max(raterNumbers[w].count, tables[w].raters.count) {
                raterNumbers[w].append(names.rater(tables[w].raters.name(id)))
            }
            for id in choiceNumbers[w].count..<max(choiceNumbers[w].count, tables[w].choices.count) {
                choiceNumbers[w].append(names.choice(tables[w].choices.name(id)))
            }
        }
        let newTasks = JobResults<[Int32]>(count: workers)
        let known = taskNumbers.map(\.count)
        let lookUp = { @Sendable (w: Int) in
            let names = tables[w].tasks
            newTasks[w] = (known[w]..<max(known[w], names.count)).map { id in
                taskIndex(names.name(id)).map(Int32.init) ?? RoutingEvent.noTask
            }
        }
        // A step after the first brings a few new ids at most: not worth waking a thread.
        let newCount = (0..<workers).reduce(0) { $0 + tables[$1].tasks.count - known[$1] }
        if newCount > 1000 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: lookUp)
        } else {
            for w in 0..<workers { lookUp(w) }
        }
        for w in 0..<workers { taskNumbers[w] += newTasks[w] ?? [] }
        for file in 0..<tail.fileCount {
            if file == fileSittings.count { fileSittings.append(nil); sittingKnown.append(false) }
            guard !sittingKnown[file] else { continue }
            // A sitting is taken until its `session_start` says it is on another task file.
            let sha = tail.tasksSHA256(ofFile: file)
            fileSittings[file] = sha.map { $0 == tasksSHA256 } ?? true ? names.sitting(ofFile: tail.path(ofFile: file)) : nil
            sittingKnown[file] = sha != nil
        }
    }
}
