import Foundation

/// A rater's current label of a task after all undos (SPEC §4): what reports and exports use.
public struct EffectiveLabel: Sendable, Equatable {
    public var task: String
    public var rater: String
    public var choice: String
    public var left: ResponseSide?
    public var ms: Int?
    public var at: Date?
    /// `at` exactly as written.
    public var atText: String?
    public var session: String?
    public var note: String?
    public var taskSHA256: String?
    /// Where the label line is.
    public var file: String
    public var line: Int

    /// A label from its fields.
    public init(task: String, rater: String, choice: String, left: ResponseSide?, ms: Int?, at: Date? = nil,
                atText: String? = nil, session: String? = nil, note: String? = nil, taskSHA256: String?,
                file: String, line: Int) {
        self.task = task
        self.rater = rater
        self.choice = choice
        self.left = left
        self.ms = ms
        self.at = at
        self.atText = atText
        self.session = session
        self.note = note
        self.taskSHA256 = taskSHA256
        self.file = file
        self.line = line
    }

    /// The effective label set by `record` (a `label` record).
    public init(_ record: SessionRecord) {
        task = record.task ?? ""
        rater = record.rater
        choice = record.choice ?? ""
        left = record.left
        ms = record.ms
        at = record.at
        atText = record.atText
        session = record.session
        note = record.note
        taskSHA256 = record.taskSHA256
        file = record.file
        line = record.line
    }
}

/// Replays label, undo and skip events into effective labels, in the order of
/// `SessionReplayOrder`: files by their first `at`, lines of one file in file order.
public enum EffectiveLabels {
    /// The effective labels of `records`, ordered by task, then rater (bytewise).
    public static func compute(_ records: [SessionRecord]) -> [EffectiveLabel] {
        let states = replay(records)
        return states.compactMap { key, state in state.label.map { _ in key } }
            .sorted(by: keyPrecedes)
            .compactMap { states[$0]?.label.map(EffectiveLabel.init) }
    }

    /// What replaying left for one (rater, task).
    struct TaskState {
        /// The label record in effect, if any.
        var label: SessionRecord?
        /// Whether the last label/undo/skip event was a skip.
        var lastWasSkip = false
    }

    struct Key: Hashable {
        var rater: String
        var task: String
    }

    /// Replays the events in the documented order.
    static func replay(_ records: [SessionRecord]) -> [Key: TaskState] {
        var states: [Key: TaskState] = [:]
        for record in ordered(records) {
            guard let task = record.task else { continue }
            // A batch repeat never changes an effective label (SPEC §10: the first label stands).
            if record.json["repeat"] == .bool(true) { continue }
            let key = Key(rater: record.rater, task: task)
            switch record.type {
            case "label":
                states[key, default: TaskState()] = TaskState(label: record, lastWasSkip: false)
            case "undo":
                states[key, default: TaskState()] = TaskState(label: nil, lastWasSkip: false)
            case "skip":
                states[key, default: TaskState()].lastWasSkip = true
            default:
                continue
            }
        }
        return states
    }

    /// The records in replay order (`SessionReplayOrder`): by file, then line.
    static func ordered(_ records: [SessionRecord]) -> [SessionRecord] {
        var fileIndex: [String: Int] = [:]
        var files: [String] = []
        var firstTimes: [Double?] = []
        var firstTimeLine: [Int] = []
        var recordFile = [Int](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            let f: Int
            if let known = fileIndex[record.file] {
                f = known
            } else {
                f = files.count
                fileIndex[record.file] = f
                files.append(record.file)
                firstTimes.append(nil)
                firstTimeLine.append(Int.max)
            }
            recordFile[index] = f
            // The first timed line of the file, whatever order the records came in.
            if let at = record.at, record.line < firstTimeLine[f] {
                firstTimes[f] = at.timeIntervalSince1970
                firstTimeLine[f] = record.line
            }
        }
        let rank = SessionReplayOrder.ranks(files: files, firstTimes: firstTimes)
        let order = records.indices.sorted { a, b in
            let ra = rank[recordFile[a]], rb = rank[recordFile[b]]
            if ra != rb { return ra < rb }
            if records[a].line != records[b].line { return records[a].line < records[b].line }
            return a < b
        }
        return order.map { records[$0] }
    }

    private static func keyPrecedes(_ a: Key, _ b: Key) -> Bool {
        if a.task != b.task { return a.task.utf8.lexicographicallyPrecedes(b.task.utf8) }
        return a.rater.utf8.lexicographicallyPrecedes(b.rater.utf8)
    }
}
