#if canImport(Glibc)
import Glibc
#endif

/// What a rater has already done, so a new sitting can resume: tasks labeled (with the
/// content hash they were labeled against) and tasks only skipped.
public struct PriorLabels: Sendable, Equatable {
    /// A task's current effective label.
    public struct Label: Sendable, Equatable {
        /// The `task_sha256` the label was given against; nil for foreign lines without it.
        public var taskSHA256: String?
        public var choice: String

        public init(taskSHA256: String?, choice: String) {
            self.taskSHA256 = taskSHA256
            self.choice = choice
        }
    }

    /// Effective labels by task id.
    public var labeled: [String: Label]
    /// Tasks without an effective label whose last event was a skip (a skip is not a label).
    public var skippedOnly: Set<String>
    /// Torn tails dropped while reading, to show before the sitting starts.
    public var warnings: [InputError]

    public init(labeled: [String: Label] = [:], skippedOnly: Set<String> = [], warnings: [InputError] = []) {
        self.labeled = labeled
        self.skippedOnly = skippedOnly
        self.warnings = warnings
    }

    /// Whether `task` is already labeled against exactly this content; a task whose line
    /// changed since (different or unknown hash) is shown again.
    public func isLabeled(task: String, sha256: String) -> Bool {
        guard let label = labeled[task], let hash = label.taskSHA256 else { return false }
        return hash == sha256
    }
}

extension PriorLabels {
    /// The current effective labels and skip-only tasks of `rater`, read from
    /// `<sessionsRoot>/<rater>/` by the one session-log reader and its replay; empty when the
    /// rater has no folder yet.
    public static func read(sessionsRoot: String, rater: RaterName) throws(ValidationFailure) -> PriorLabels {
        let root = sessionsRoot.hasSuffix("/") ? sessionsRoot : sessionsRoot + "/"
        let folder = root + rater.value
        var info = stat()
        guard lstat(folder, &info) == 0 else { return PriorLabels() }
        // The reading refuses an event of another rater in this folder (`RaterFolderRule`).
        let reading = try SessionLabelReader.readAll(paths: [folder], workers: nil, keeping: .checks)
        let labels = ExportLabels(reading, keeping: .checks)
        var prior = PriorLabels(warnings: reading.set.warnings)
        for j in 0..<labels.count {
            let label = labels.label(j)
            prior.labeled[label.task] = Label(taskSHA256: label.taskSHA256, choice: label.choice)
        }
        // A task is skipped only when its last event in replay order is a skip and no label
        // is in effect (a skip changes no label, SPEC §4).
        let rank = SessionReplayOrder.ranks(files: reading.set.files, firstTimes: reading.firstTimes)
        let skip = SessionLineEvent.Kind.skip.rawValue
        let replayed: Set<UInt8> = [SessionLineEvent.Kind.label.rawValue, SessionLineEvent.Kind.undo.rawValue, skip]
        var last: [String: (rank: Int32, line: Int32, isSkip: Bool)] = [:]
        for worker in reading.workers {
            // Batch claims, sitting ends and repeats say nothing about what is labeled or skipped.
            for k in worker.kind.indices where replayed.contains(worker.kind[k]) && !worker.isRepeat[k] {
                let task = worker.tables.tasks.name(Int(worker.task[k]))
                let place = (rank[Int(worker.file[k])], worker.line[k])
                if let seen = last[task], (seen.rank, seen.line) > place { continue }
                last[task] = (place.0, place.1, worker.kind[k] == skip)
            }
        }
        for (task, event) in last where event.isSkip && prior.labeled[task] == nil { prior.skippedOnly.insert(task) }
        return prior
    }
}
