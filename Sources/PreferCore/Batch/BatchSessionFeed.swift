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
public final class BatchSessionFeed {
    public let sessionsRoot: String
    public let tasksSHA256: String
    /// The rater, choice and sitting numbers of the events handed on so far.
    public private(set) var names = RoutingNames()
    private let tail: SessionLogTail
    private let taskIndex: (String) -> Int?
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

    /// A feed of the batch whose task file is `tasks`.
    /// - Parameter workers: threads to read with; nil uses every active processor.
    public convenience init(sessionsRoot: String, tasks: TaskFile, workers: Int? = nil) {
        self.init(sessionsRoot: sessionsRoot, tasksSHA256: tasks.sha256, workers: workers) { tasks.index(of: $0) }
    }

    /// - Parameter taskIndex: the index of a task id in the batch's task file, nil for one it lacks.
    public init(sessionsRoot: String, tasksSHA256: String, workers: Int? = nil, taskIndex: @escaping (String) -> Int?) {
        self.sessionsRoot = sessionsRoot
        self.tasksSHA256 = tasksSHA256
        self.taskIndex = taskIndex
        tail = SessionLogTail(paths: [sessionsRoot], workers: workers)
    }

    /// The number this feed gives (or will give) the rater `name`.
    public func raterNumber(_ name: String) -> Int32 { names.rater(name) }

    /// The number this feed gives (or will give) the sitting of the session file `path`.
    public func sittingNumber(ofFile path: String) -> Int32 { names.sitting(ofFile: path) }

    /// The events that appeared since the last look (all of them the first time).
    public func look() -> Look {
        let step = tail.advance()
        var look = Look(startedOver: !step.restarted.isEmpty, errors: step.errors)
        if look.startedOver {
            // The tail read everything anew, with new workers and new file numbers.
            raterNumbers = []; taskNumbers = []; choiceNumbers = []; fileSittings = []; sittingKnown = []
        }
        let events = tail.lastStepEvents()
        updateTables()
        look.events.reserveCapacity(events.count)
        for event in events {
            guard let sitting = fileSittings[Int(event.file)] else { continue }
            let w = Int(event.worker)
            let task = event.task >= 0 ? taskNumbers[w][Int(event.task)] : RoutingEvent.noTask
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
            guard event.kind == .end || event.task >= 0 else { continue }
            look.events.append(RoutingEvent(
                rater: raterNumbers[w][Int(event.rater)], sitting: sitting,
                task: event.kind == .end ? RoutingEvent.noTask : task, kind: kind, isRepeat: event.isRepeat,
                at: event.time.map { Date(timeIntervalSince1970: $0) }, milliseconds: event.milliseconds))
        }
        return look
    }

    /// Extends the per-worker tables by the names read since the last look, and the file
    /// table by the files found (a file's `tasks_sha256` is known once its first line is read).
    private func updateTables() {
        let workers = tail.workerCount
        while raterNumbers.count < workers { raterNumbers.append([]); taskNumbers.append([]); choiceNumbers.append([]) }
        for w in 0..<workers {
            let tables = tail.names(ofWorker: w)
            for id in raterNumbers[w].count..<max(raterNumbers[w].count, tables.raters.count) {
                raterNumbers[w].append(names.rater(tables.raters.name(id)))
            }
            for id in choiceNumbers[w].count..<max(choiceNumbers[w].count, tables.choices.count) {
                choiceNumbers[w].append(names.choice(tables.choices.name(id)))
            }
            let known = taskNumbers[w].count
            if tables.tasks.count > known {
                taskNumbers[w].reserveCapacity(tables.tasks.count)
                for id in known..<tables.tasks.count {
                    taskNumbers[w].append(taskIndex(tables.tasks.name(id)).map(Int32.init) ?? RoutingEvent.noTask)
                }
            }
        }
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
