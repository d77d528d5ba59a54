import Foundation

/// One event line of a session file as read back, with where it came from; lenient about
/// foreign lines (only `type` and `rater` are required of every line, SPEC §4). Read by
/// `SessionLine.record()`.
public struct SessionRecord: Sendable, Equatable {
    /// The file as named when read.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// `label`, `adjudication`, `undo`, `skip`, `session_start`, `session_end`, or a type this version does not know.
    public var type: String
    public var rater: String
    /// The parsed `at`, when the line has one; nil means "in file order".
    public var at: Date?
    /// `at` exactly as written, for exports.
    public var atText: String?
    public var session: String?
    public var task: String?
    public var taskSHA256: String?
    public var choice: String?
    public var left: ResponseSide?
    public var ms: Int?
    public var note: String?
    /// `"repeat": true`: a label shown again to measure the rater's consistency.
    public var isRepeat = false
    /// The whole line, for the fields of other types (`login`, `term`, `reason`, `scale`, …);
    /// empty for `label`, `undo` and `skip`, whose fields are all above.
    public var json: JSONValue

    public init(file: String, line: Int, type: String, rater: String, at: Date? = nil,
                atText: String? = nil, session: String? = nil, task: String? = nil,
                taskSHA256: String? = nil, choice: String? = nil, left: ResponseSide? = nil,
                ms: Int? = nil, note: String? = nil, json: JSONValue = .object([])) {
        self.file = file
        self.line = line
        self.type = type
        self.rater = rater
        self.at = at
        self.atText = atText
        self.session = session
        self.task = task
        self.taskSHA256 = taskSHA256
        self.choice = choice
        self.left = left
        self.ms = ms
        self.note = note
        self.json = json
    }
}
