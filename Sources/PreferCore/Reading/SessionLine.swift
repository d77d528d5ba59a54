#if canImport(Glibc)
import Glibc
#endif

/// One session line (SPEC §4) as the validating scanner left it: its bytes and where each
/// top-level member lies, with the members of the keys prefer reads found in one pass.
/// Fields are decoded only when asked for, and every problem with a field is named here, so
/// `validate` (through `record()`), the log readers (through `SessionLineDecoder`) and the
/// exports read a line the same way and say the same thing about it.
struct SessionLine {
    let bytes: UnsafeRawBufferPointer
    let members: [JSONMemberSpan]
    let file: String
    let line: Int
    /// Member indexes of the keys prefer reads; -1 when the line has no such key.
    private(set) var version = -1, type = -1, rater = -1, session = -1, at = -1, task = -1
    private(set) var choice = -1, left = -1, ms = -1, taskSHA = -1, note = -1, scale = -1, isRepeat = -1

    /// A view of `bytes`, which the scanner validated as an object whose members are `members`.
    init(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan], file: String, line: Int) {
        self.bytes = bytes
        self.members = members
        self.file = file
        self.line = line
        for (index, member) in members.enumerated() {
            if member.keyHasEscapes {
                // Rare: the key decoded, then told apart as an unescaped one is.
                var key = member.key(in: bytes)
                key.withUTF8 { find(UnsafeRawBufferPointer($0), 0, $0.count, index) }
            } else {
                find(bytes, member.keyRange.lowerBound, member.keyRange.count, index)
            }
        }
    }

    /// Notes `index` as the member of the key in `count` bytes at `start`, if prefer reads it.
    @inline(__always)
    private mutating func find(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int, _ index: Int) {
        guard let base = bytes.baseAddress else { return }
        // Keys are told apart by length and one unaligned load, not by memcmp calls.
        switch count {
        case 1: if base.load(fromByteOffset: start, as: UInt8.self) == UInt8(ascii: "v") { version = index }
        case 2:
            let w = base.loadUnaligned(fromByteOffset: start, as: UInt16.self)
            if w == KeyWords.at { at = index } else if w == KeyWords.ms { ms = index }
        case 4:
            let w = base.loadUnaligned(fromByteOffset: start, as: UInt32.self)
            if w == KeyWords.type { type = index }
            else if w == KeyWords.task { task = index }
            else if w == KeyWords.left { left = index }
            else if w == KeyWords.note { note = index }
        case 5:
            let w = base.loadUnaligned(fromByteOffset: start, as: UInt32.self)
            let last = base.load(fromByteOffset: start + 4, as: UInt8.self)
            if w == KeyWords.rate && last == UInt8(ascii: "r") { rater = index }
            else if w == KeyWords.scal && last == UInt8(ascii: "e") { scale = index }
        case 6:
            if base.loadUnaligned(fromByteOffset: start, as: UInt32.self) == KeyWords.choi
                && base.loadUnaligned(fromByteOffset: start + 4, as: UInt16.self) == KeyWords.ce { choice = index }
            else if Self.same(base + start, "repeat") { isRepeat = index }
        case 7: if Self.same(base + start, "session") { session = index }
        case 11: if Self.same(base + start, "task_sha256") { taskSHA = index }
        default: break
        }
    }

    /// Whether the bytes at `p` (as many as `word` has) are `word`.
    @inline(__always)
    private static func same(_ p: UnsafeRawPointer, _ word: StaticString) -> Bool {
        memcmp(p, word.utf8Start, word.utf8CodeUnitCount) == 0
    }

    /// A view of a line the scanner validated as a value of `kind`; only an object is a line.
    init(_ bytes: UnsafeRawBufferPointer, _ kind: JSONKind, _ members: [JSONMemberSpan],
         file: String, line: Int) throws(InputError) {
        guard kind == .object else {
            throw InputError(file: file, line: line, reason: "expected a JSON object, found \(kind.name)")
        }
        self.init(bytes, members, file: file, line: line)
    }

    /// The error for a line that is not JSON at all.
    static func notJSON(_ error: JSONSyntaxError, file: String, line: Int) -> InputError {
        InputError(file: file, line: line, reason: "not valid JSON at column \(error.offset + 1): \(error.message)")
    }

    /// The record of one line that has not been scanned yet (a verdict, a line an export kept
    /// whole); every error as a reader gives it.
    static func record(of bytes: UnsafeRawBufferPointer, file: String, line: Int) throws(InputError) -> SessionRecord {
        var scanner = JSONLineScanner()
        let kind: JSONKind
        do {
            kind = try scanner.scan(bytes)
        } catch {
            throw notJSON(error, file: file, line: line)
        }
        return try SessionLine(bytes, kind, scanner.members, file: file, line: line).record()
    }

    /// The member at `slot`, unless absent or null (which SPEC §4 reads as absent).
    func present(_ slot: Int) -> JSONMemberSpan? {
        slot >= 0 && members[slot].kind != .null ? members[slot] : nil
    }

    /// Whether the line says `"repeat": true`.
    var isRepeated: Bool { isRepeat >= 0 && members[isRepeat].kind == .bool && members[isRepeat].valueRange.count == 4 }

    func failure(_ reason: String) -> InputError { InputError(file: file, line: line, reason: reason) }

    /// The value at `member`, built from bytes the scanner validated.
    func value(_ member: JSONMemberSpan) -> JSONValue {
        JSONValueBuilder.build(bytes, from: member.valueRange.lowerBound).value
    }

    func requiredString(_ slot: Int, _ key: StaticString) throws(InputError) -> String {
        guard let text = try optionalString(slot, key) else { throw failure("missing \"\(key)\"") }
        guard !text.isEmpty else { throw failure("\"\(key)\" is empty") }
        return text
    }

    func optionalString(_ slot: Int, _ key: StaticString) throws(InputError) -> String? {
        guard let member = present(slot) else { return nil }
        guard member.kind == .string else { throw failure("\"\(key)\" must be a string, found \(member.kind.name)") }
        return JSONStringDecoder.decodeValue(bytes, member.valueRange)
    }

    /// The whole line read into a record; a problem is an `InputError` at `file:line` saying
    /// which field is wrong. Lenient about foreign lines: only `type` and `rater` are required
    /// of every line.
    func record() throws(InputError) -> SessionRecord {
        if let member = present(version) {
            let version = value(member)
            if version.intValue != SessionEvent.formatVersion {
                throw failure("session format version \(JSONWriter.serialize(version)) is not supported "
                              + "(this prefer reads version \(SessionEvent.formatVersion))")
            }
        }
        let type = try requiredString(self.type, "type")
        let rater = try requiredString(self.rater, "rater")
        var record = SessionRecord(file: file, line: line, type: type, rater: rater)
        record.session = try optionalString(session, "session")
        if let atText = try optionalString(at, "at") {
            guard let at = Timestamp.parse(atText) else {
                throw failure("\"at\" is not an RFC 3339 time: \(JSONWriter.quoted(atText))")
            }
            record.at = at
            record.atText = atText
        }
        switch type {
        case "label":
            try readVerdictFields(&record)
            if let left = try optionalString(left, "left") {
                guard let side = ResponseSide(rawValue: left) else {
                    throw failure("\"left\" must be \"A\" or \"B\", found \(JSONWriter.quoted(left))")
                }
                record.left = side
            }
            if let member = present(ms) {
                let ms = value(member)
                guard let whole = ms.intValue ?? ms.doubleValue.flatMap(Self.exactInteger), whole >= 0 else {
                    throw failure("\"ms\" must be a whole number of milliseconds, found \(JSONWriter.serialize(ms))")
                }
                record.ms = whole
            }
        case "adjudication":
            // A lead's verdict (SPEC §12): like a label's task and choice, never a label.
            try readVerdictFields(&record)
        case "undo", "skip":
            record.task = try requiredString(task, "task")
        default:
            // session_start, session_end and types of later versions carry nothing the
            // effective labels need; their fields stay available in `json`.
            record.task = try optionalString(task, "task")
        }
        record.isRepeat = isRepeated
        if type != "label" && type != "undo" && type != "skip" {
            record.json = JSONValueBuilder.build(bytes, from: 0).value
        }
        return record
    }

    /// The task and choice a label or verdict must have, and the content hash and note it may.
    private func readVerdictFields(_ record: inout SessionRecord) throws(InputError) {
        record.task = try requiredString(task, "task")
        record.choice = try requiredString(choice, "choice")
        record.taskSHA256 = try optionalString(taskSHA, "task_sha256")
        record.note = try optionalString(note, "note")
    }

    /// `1234.0` from a foreign tool counts as 1234; `12.5` does not.
    private static func exactInteger(_ number: Double) -> Int? {
        guard number.rounded() == number, abs(number) < 9e15 else { return nil }
        return Int(number)
    }
}
