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

/// Replays label, undo and skip events into effective labels.
///
/// Order of events (per rater, across all files): by `at`; ties by file base name (session
/// files are named by their start time), then full path, then line number. A record without
/// `at` takes the `at` of the closest earlier record of its file that has one, or sorts
/// before every timed record when none does; so a foreign file without times is replayed in
/// file order, and a line without `at` never jumps ahead of the lines above it.
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

    /// The records in replay order.
    static func ordered(_ records: [SessionRecord]) -> [SessionRecord] {
        struct SortKey {
            var time: Double
            var baseName: String
            var file: String
            var line: Int
            var index: Int
        }
        var keys: [SortKey] = []
        keys.reserveCapacity(records.count)
        var inherited = -Double.infinity
        var currentFile: String?
        for (index, record) in records.enumerated() {
            if record.file != currentFile {
                currentFile = record.file
                inherited = -Double.infinity
            }
            if let at = record.at { inherited = at.timeIntervalSince1970 }
            let baseName = record.file.split(separator: "/").last.map(String.init) ?? record.file
            keys.append(SortKey(time: inherited, baseName: baseName, file: record.file,
                                line: record.line, index: index))
        }
        keys.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.baseName != b.baseName { return a.baseName.utf8.lexicographicallyPrecedes(b.baseName.utf8) }
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.line != b.line { return a.line < b.line }
            return a.index < b.index
        }
        return keys.map { records[$0.index] }
    }

    private static func keyPrecedes(_ a: Key, _ b: Key) -> Bool {
        if a.task != b.task { return a.task.utf8.lexicographicallyPrecedes(b.task.utf8) }
        return a.rater.utf8.lexicographicallyPrecedes(b.rater.utf8)
    }
}
