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

extension SessionReader {
    /// The current effective labels and skip-only tasks of `rater`, read from
    /// `<sessionsRoot>/<rater>/`; empty when the rater has no folder yet.
    public static func priorLabels(sessionsRoot: String, rater: RaterName) throws(ValidationFailure) -> PriorLabels {
        let root = sessionsRoot.hasSuffix("/") ? sessionsRoot : sessionsRoot + "/"
        let folder = root + rater.value
        var info = stat()
        guard lstat(folder, &info) == 0 else { return PriorLabels() }
        // The reading refuses an event of another rater in this folder (`RaterFolderRule`).
        let log = try read(paths: [folder])
        let mine = log.records.filter { $0.rater == rater.value }
        var prior = PriorLabels(warnings: log.warnings)
        for (key, state) in EffectiveLabels.replay(mine) {
            if let label = state.label {
                prior.labeled[key.task] = PriorLabels.Label(taskSHA256: label.taskSHA256,
                                                            choice: label.choice ?? "")
            } else if state.lastWasSkip {
                prior.skippedOnly.insert(key.task)
            }
        }
        return prior
    }
}
