import Foundation

/// One event of a sitting (SPEC §4), without the `session` and `rater` fields: the writer
/// that owns the file supplies those, so an event can never claim another sitting.
public struct SessionEvent: Sendable, Equatable {
    /// When it happened; written as `at`, truncated to the millisecond.
    public var at: Date
    /// The type and its own fields.
    public var body: SessionEventBody

    public init(at: Date, _ body: SessionEventBody) {
        self.at = at
        self.body = body
    }

    /// The format version written as `v`.
    public static let formatVersion = 1

    /// The event as one JSON object with the key order of SPEC §4: `v`, `type`, `session`,
    /// `rater`, `at`, then the type's fields.
    public func json(session: String, rater: String) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("v", .number(String(SessionEvent.formatVersion))),
            JSONMember("type", .string(body.typeName)),
            JSONMember("session", .string(session)),
            JSONMember("rater", .string(rater)),
            JSONMember("at", .string(Timestamp.format(at))),
        ]
        members.append(contentsOf: body.fields)
        return .object(members)
    }

    /// The event as one cat-safe line of UTF-8 ending in `\n`, ready for a single `write`.
    public func encodedLine(session: String, rater: String) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        JSONWriter.append(json(session: session, rater: rater), to: &line)
        line.append(UInt8(ascii: "\n"))
        return line
    }
}

/// The event types of a session file and their fields.
public enum SessionEventBody: Sendable, Equatable {
    case sessionStart(SessionStartInfo)
    case label(LabelInfo)
    /// A lead's verdict on a contested task (SPEC §12); never counted as a label.
    case adjudication(AdjudicationInfo)
    /// Retracts this rater's current label of `task`; with `isRepeat` (written as
    /// `"repeat": true`) it retracts only the label of a swapped-side repeat, so the first
    /// label still stands.
    case undo(task: String, isRepeat: Bool = false)
    case skip(task: String)
    /// A batch sitting put a task on screen (SPEC §10): a claim on it until this rater's
    /// label or skip, or `claim_minutes`.
    case shown(ShownInfo)
    /// `labels` counts the labels written in this sitting.
    case sessionEnd(labels: Int, reason: SessionEndReason)

    /// The `type` value.
    public var typeName: String {
        switch self {
        case .sessionStart: return "session_start"
        case .label: return "label"
        case .adjudication: return "adjudication"
        case .undo: return "undo"
        case .skip: return "skip"
        case .shown: return "shown"
        case .sessionEnd: return "session_end"
        }
    }

    /// What the event is called in a "could not save …" message.
    public var noun: String {
        switch self {
        case .sessionStart: return "the start of the sitting"
        case .label: return "the label"
        case .adjudication: return "the verdict"
        case .undo: return "the undo"
        case .skip: return "the skip"
        case .shown: return "the claim on the task"
        case .sessionEnd: return "the end of the sitting"
        }
    }

    /// The type's own fields, in SPEC order.
    var fields: [JSONMember] {
        switch self {
        case .sessionStart(let info):
            return [
                JSONMember("tasks", .string(info.tasks)),
                JSONMember("tasks_sha256", .string(info.tasksSHA256)),
                JSONMember("guideline", .string(info.guideline)),
                JSONMember("guideline_sha256", .string(info.guidelineSHA256)),
                JSONMember("scale", .array(info.scale.map { .string($0) })),
                JSONMember("tool", .string(info.tool)),
                JSONMember("login", .string(info.login)),
                JSONMember("term", .object([
                    JSONMember("cols", .number(String(info.termColumns))),
                    JSONMember("rows", .number(String(info.termRows))),
                ])),
            ] + (info.batch.map { batch in
                [JSONMember("batch", .string(batch.path)), JSONMember("batch_sha256", .string(batch.sha256))]
            } ?? [])
        case .label(let info):
            var members = [
                JSONMember("task", .string(info.task)),
                JSONMember("task_sha256", .string(info.taskSHA256)),
                JSONMember("choice", .string(info.choice)),
                JSONMember("left", .string(info.left.rawValue)),
                JSONMember("ms", .number(String(info.ms))),
            ]
            if let note = info.note { members.append(JSONMember("note", .string(note))) }
            if info.isRepeat { members.append(JSONMember("repeat", .bool(true))) }
            return members
        case .adjudication(let info):
            var members = [
                JSONMember("task", .string(info.task)),
                JSONMember("task_sha256", .string(info.taskSHA256)),
                JSONMember("choice", .string(info.choice)),
            ]
            if let note = info.note { members.append(JSONMember("note", .string(note))) }
            return members
        case .undo(let task, let isRepeat):
            return [JSONMember("task", .string(task))] + (isRepeat ? [JSONMember("repeat", .bool(true))] : [])
        case .skip(let task):
            return [JSONMember("task", .string(task))]
        case .shown(let info):
            return [
                JSONMember("task", .string(info.task)),
                JSONMember("task_sha256", .string(info.taskSHA256)),
                JSONMember("left", .string(info.left.rawValue)),
            ] + (info.isRepeat ? [JSONMember("repeat", .bool(true))] : [])
        case .sessionEnd(let labels, let reason):
            return [
                JSONMember("labels", .number(String(labels))),
                JSONMember("reason", .string(reason.rawValue)),
            ]
        }
    }
}

/// The fields of a `session_start` event.
public struct SessionStartInfo: Sendable, Equatable {
    /// The task file path as given on the command line.
    public var tasks: String
    /// SHA-256 (hex) of the whole task file.
    public var tasksSHA256: String
    public var guideline: String
    public var guidelineSHA256: String
    /// The scale's choice values, e.g. `["A","B","tie","both_bad"]`.
    public var scale: [String]
    /// `"prefer X.Y.Z"`.
    public var tool: String
    /// The OS account that ran the sitting (the rater name may differ via `--rater`).
    public var login: String
    public var termColumns: Int
    public var termRows: Int
    /// The batch file of a batch sitting (SPEC §10): `batch` (path as given) and `batch_sha256`.
    public var batch: BatchStamp?

    /// Which batch file a batch sitting was routed by.
    public struct BatchStamp: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public init(tasks: String, tasksSHA256: String, guideline: String, guidelineSHA256: String,
                scale: [String], tool: String, login: String, termColumns: Int, termRows: Int,
                batch: BatchStamp? = nil) {
        self.batch = batch
        self.tasks = tasks
        self.tasksSHA256 = tasksSHA256
        self.guideline = guideline
        self.guidelineSHA256 = guidelineSHA256
        self.scale = scale
        self.tool = tool
        self.login = login
        self.termColumns = termColumns
        self.termRows = termRows
    }
}

/// The fields of a `label` event; `choice` is canonical (A/B as in the task file).
public struct LabelInfo: Sendable, Equatable {
    public var task: String
    public var taskSHA256: String
    public var choice: String
    /// Which canonical response was shown on the left.
    public var left: ResponseSide
    /// Milliseconds from the task being shown to the choice.
    public var ms: Int
    public var note: String?
    /// A swapped-side repeat (SPEC §10), written as `"repeat": true`.
    public var isRepeat: Bool

    public init(task: String, taskSHA256: String, choice: String, left: ResponseSide, ms: Int,
                note: String? = nil, isRepeat: Bool = false) {
        self.isRepeat = isRepeat
        self.task = task
        self.taskSHA256 = taskSHA256
        self.choice = choice
        self.left = left
        self.ms = ms
        self.note = note
    }
}

/// The fields of a `shown` event: the task put on screen and how.
public struct ShownInfo: Sendable, Equatable {
    public var task: String
    public var taskSHA256: String
    public var left: ResponseSide
    public var isRepeat: Bool

    public init(task: String, taskSHA256: String, left: ResponseSide, isRepeat: Bool = false) {
        self.task = task
        self.taskSHA256 = taskSHA256
        self.left = left
        self.isRepeat = isRepeat
    }
}

/// A canonical response of a task, as written in `left`.
public enum ResponseSide: String, Sendable, Equatable, CaseIterable {
    case a = "A"
    case b = "B"
}

/// Why a sitting ended, as written in `session_end.reason`.
public enum SessionEndReason: String, Sendable, Equatable, CaseIterable {
    case quit, hangup, terminated, error
}
