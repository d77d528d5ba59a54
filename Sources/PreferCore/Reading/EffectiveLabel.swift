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
