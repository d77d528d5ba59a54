import Foundation

/// One event line of a session file as read back, with where it came from; lenient about
/// foreign lines (only `type` and `rater` are required of every line, SPEC §4).
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
    /// The whole line, for the fields of other types (`login`, `term`, `reason`, …).
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

    /// Reads a parsed line; a problem is an `InputError` at `file:line` saying which field is wrong.
    public static func decode(_ value: JSONValue, file: String, line: Int) throws(InputError) -> SessionRecord {
        func failure(_ reason: String) -> InputError { InputError(file: file, line: line, reason: reason) }
        guard case .object = value else {
            throw failure("expected a JSON object, found \(value.kindName)")
        }
        if let version = value["v"], version != .null, version.intValue != SessionEvent.formatVersion {
            throw failure("session format version \(JSONWriter.serialize(version)) is not supported "
                          + "(this prefer reads version \(SessionEvent.formatVersion))")
        }
        let type = try requiredString("type", in: value, failure)
        let rater = try requiredString("rater", in: value, failure)
        var record = SessionRecord(file: file, line: line, type: type, rater: rater, json: value)
        record.session = try optionalString("session", in: value, failure)
        if let atText = try optionalString("at", in: value, failure) {
            guard let at = Timestamp.parse(atText) else {
                throw failure("\"at\" is not an RFC 3339 time: \(JSONWriter.quoted(atText))")
            }
            record.at = at
            record.atText = atText
        }
        switch type {
        case "label":
            record.task = try requiredString("task", in: value, failure)
            record.choice = try requiredString("choice", in: value, failure)
            record.taskSHA256 = try optionalString("task_sha256", in: value, failure)
            record.note = try optionalString("note", in: value, failure)
            if let left = try optionalString("left", in: value, failure) {
                guard let side = ResponseSide(rawValue: left) else {
                    throw failure("\"left\" must be \"A\" or \"B\", found \(JSONWriter.quoted(left))")
                }
                record.left = side
            }
            if let ms = value["ms"], ms != .null {
                guard let whole = ms.intValue ?? ms.doubleValue.flatMap(exactInteger), whole >= 0 else {
                    throw failure("\"ms\" must be a whole number of milliseconds, found \(JSONWriter.serialize(ms))")
                }
                record.ms = whole
            }
        case "adjudication":
            // A lead's verdict (SPEC §12): like a label's task and choice, never a label.
            record.task = try requiredString("task", in: value, failure)
            record.choice = try requiredString("choice", in: value, failure)
            record.taskSHA256 = try optionalString("task_sha256", in: value, failure)
            record.note = try optionalString("note", in: value, failure)
        case "undo", "skip":
            record.task = try requiredString("task", in: value, failure)
        default:
            // session_start, session_end and types of later versions carry nothing the
            // effective labels need; their fields stay available in `json`.
            record.task = try optionalString("task", in: value, failure)
        }
        return record
    }

    private static func requiredString(_ key: String, in value: JSONValue,
                                       _ failure: (String) -> InputError) throws(InputError) -> String {
        guard let field = value[key], field != .null else { throw failure("missing \"\(key)\"") }
        guard let text = field.stringValue else {
            throw failure("\"\(key)\" must be a string, found \(field.kindName)")
        }
        guard !text.isEmpty else { throw failure("\"\(key)\" is empty") }
        return text
    }

    private static func optionalString(_ key: String, in value: JSONValue,
                                       _ failure: (String) -> InputError) throws(InputError) -> String? {
        guard let field = value[key], field != .null else { return nil }
        guard let text = field.stringValue else {
            throw failure("\"\(key)\" must be a string, found \(field.kindName)")
        }
        return text
    }

    /// `1234.0` from a foreign tool counts as 1234; `12.5` does not.
    private static func exactInteger(_ number: Double) -> Int? {
        guard number.rounded() == number, abs(number) < 9e15 else { return nil }
        return Int(number)
    }
}
