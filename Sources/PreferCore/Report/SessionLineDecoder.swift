import Foundation

/// What one session line means to a report, with names already interned.
struct SessionLineEvent {
    enum Kind: UInt8 {
        case label = 0, undo = 1, skip = 2, other = 3
        /// A batch claim (SPEC §10) and the end of a sitting: kept for the batch router,
        /// never replayed into effective labels.
        case shown = 4, end = 5

        /// Whether the replay to effective labels reads it (label and undo; a skip changes nothing).
        var isReplayed: Bool { self == .label || self == .undo }
    }

    var kind: Kind = .other
    var rater: Int32 = -1
    var task: Int32 = -1
    var choice: Int32 = -1
    /// 0 = A on the left, 1 = B, -1 = not recorded.
    var left: Int8 = -1
    /// `"repeat": true` (SPEC §10): a batch's swapped-side repeat, which effective labels ignore.
    var isRepeat = false
    var milliseconds = CodedLabels.noMilliseconds
    /// Seconds since 1970 exactly as `Timestamp.parse` computes them, when the line has `at`.
    var time: Double?
    /// A label's `task_sha256`: 0 when it names none, 1 when it is 64 bytes without escapes
    /// starting at `taskSHAOffset` in the line, 2 when it is written any other way.
    var taskSHAState: UInt8 = 0
    var taskSHAOffset = 0
    /// Which members hold a label's string fields, when the fast path read it (for exports).
    var labelFields: LabelFieldSlots?
    /// True for a `session_start` line.
    var startsSession = false
    /// The `scale` of a `session_start` line, when it is an array of strings.
    var scale: [String]?
    /// The `scale` of a `session_start` line as `SessionScale.hint` reads it: every element,
    /// a non-string one as ""; nil when there is no array.
    var scaleList: [String]?
    /// The guideline and task file a `session_start` line names, with their hashes.
    var version: SittingVersion?
}

/// Where one field's value is in a session line, in 8 bytes: `start` is `UInt32.max` when the
/// field is absent or null; the high bit of `packedCount` says the string holds an escape.
struct FieldSpan: Sendable {
    private var start = UInt32.max
    private var packedCount: UInt32 = 0

    init() {}

    init(_ members: [JSONMemberSpan], _ index: Int32) {
        guard index >= 0, members[Int(index)].kind != .null else { return }
        let member = members[Int(index)]
        start = UInt32(truncatingIfNeeded: member.valueRange.lowerBound)
        packedCount = UInt32(truncatingIfNeeded: member.valueRange.count) | (member.valueHasEscapes ? 1 << 31 : 0)
    }

    var isPresent: Bool { start != UInt32.max }

    /// The same value once its bytes are copied to `offset`.
    func moved(to offset: Int) -> FieldSpan {
        guard isPresent else { return self }
        var span = self
        span.start = UInt32(truncatingIfNeeded: offset)
        return span
    }
    var range: Range<Int> { Int(start)..<(Int(start) + Int(packedCount & ~(1 << 31))) }
    var escaped: Bool { packedCount & (1 << 31) != 0 }
}

/// Which members of a label line hold the string fields a `labels` export writes, as the fast
/// path found them (-1 for none); turned into `LabelFieldSpans` only by a reader that keeps them.
struct LabelFieldSlots: Sendable {
    var task: Int32 = -1, rater: Int32 = -1, choice: Int32 = -1, at: Int32 = -1, session: Int32 = -1, note: Int32 = -1
}

/// The string fields of a label line that a `labels` export writes, as the fast path found
/// them (with their quotes); the side and milliseconds are in the coded labels.
struct LabelFieldSpans: Sendable {
    var task = FieldSpan(), rater = FieldSpan(), choice = FieldSpan()
    var at = FieldSpan(), session = FieldSpan(), note = FieldSpan()

    /// Where the last of the fields ends in the line (0 when none is present).
    var end: Int {
        [task, rater, choice, at, session, note].reduce(0) { $1.isPresent ? max($0, $1.range.upperBound) : $0 }
    }

    /// Appends the fields' bytes from `line` to `record` one after another (the record
    /// starting where `record` ends now) and points the spans at them there.
    mutating func moveFields(of line: UnsafeRawBufferPointer, to record: inout [UInt8]) {
        let base = record.count
        func move(_ span: inout FieldSpan) {
            guard span.isPresent else { return }
            let range = span.range
            span = span.moved(to: record.count - base)
            record.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[range]))
        }
        move(&task)
        move(&rater)
        move(&choice)
        move(&at)
        move(&session)
        move(&note)
    }

    init(_ members: [JSONMemberSpan], _ slots: LabelFieldSlots) {
        task = FieldSpan(members, slots.task)
        rater = FieldSpan(members, slots.rater)
        choice = FieldSpan(members, slots.choice)
        at = FieldSpan(members, slots.at)
        session = FieldSpan(members, slots.session)
        note = FieldSpan(members, slots.note)
    }
}

/// The per-worker name tables that lines are interned into.
struct SessionNameTables {
    var raters = NameTable(capacity: 64)
    var tasks = NameTable(capacity: 1 << 14)
    var choices = NameTable(capacity: 16)
}

/// Reads one session line into a `SessionLineEvent`, giving exactly what `SessionRecord.decode`
/// gives (the reference), only faster: the common shape — ASCII keys, fields of the expected
/// kinds, a millisecond `Z` time, a plain integer `ms` — is read straight from the member
/// spans of the validating scanner; anything else goes through `JSONParser.parse` and
/// `SessionRecord.decode`, so every error message, and every unusual but valid line, is the
/// reference's own.
enum SessionLineDecoder {
    /// Decodes a line the scanner has validated as an object whose members are `members`.
    static func decode(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan], file: String, line: Int,
                       tables: inout SessionNameTables) throws(InputError) -> SessionLineEvent {
        if let fast = fastDecode(bytes, members, tables: &tables) { return fast }
        return try slowDecode(bytes, file: file, line: line, tables: &tables)
    }

    /// The reference path: the whole line as a `JSONValue`, then `SessionRecord.decode`.
    static func slowDecode(_ bytes: UnsafeRawBufferPointer, file: String, line: Int,
                           tables: inout SessionNameTables) throws(InputError) -> SessionLineEvent {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputError(file: file, line: line, reason: "not valid JSON at column \(error.offset + 1): \(error.message)")
        }
        let record = try SessionRecord.decode(value, file: file, line: line)
        var event = SessionLineEvent()
        event.rater = tables.raters.intern(record.rater)
        event.time = record.at?.timeIntervalSince1970
        switch record.type {
        case "label": event.kind = .label
        case "undo": event.kind = .undo
        case "skip": event.kind = .skip
        case "shown": event.kind = .shown
        case "session_end": event.kind = .end
        default: event.kind = .other
        }
        event.isRepeat = record.json["repeat"] == .bool(true)
        if event.kind != .other && event.kind != .end, let task = record.task { event.task = tables.tasks.intern(task) }
        if event.kind == .label || event.kind == .shown {
            event.choice = tables.choices.intern(record.choice ?? "")
            switch record.left {
            case .a?: event.left = 0
            case .b?: event.left = 1
            case nil: event.left = -1
            }
            event.milliseconds = record.ms ?? CodedLabels.noMilliseconds
            event.taskSHAState = record.taskSHA256 == nil ? 0 : 2
        }
        if record.type == "session_start" {
            event.startsSession = true
            event.scale = record.json["scale"]?.arrayValue?.compactMap(\.stringValue)
            event.scaleList = SessionScale.list(record.json["scale"])
            event.version = SittingVersion(rater: record.rater, line: record.json)
        }
        return event
    }

    /// Member indexes of the keys a report reads.
    private struct Slots {
        var version = -1, type = -1, rater = -1, session = -1, at = -1, task = -1
        var choice = -1, left = -1, ms = -1, taskSHA = -1, note = -1, scale = -1, isRepeat = -1
    }

    /// The fast path; nil whenever the line is anything but the common, valid shape.
    static func fastDecode(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan],
                           tables: inout SessionNameTables) -> SessionLineEvent? {
        var s = Slots()
        guard let base = bytes.baseAddress else { return nil }
        for (index, member) in members.enumerated() {
            if member.keyHasEscapes { return nil }
            let start = member.keyRange.lowerBound, count = member.keyRange.count
            // Keys are told apart by length and one unaligned load, not by memcmp calls.
            switch count {
            case 1: if base.load(fromByteOffset: start, as: UInt8.self) == UInt8(ascii: "v") { s.version = index }
            case 2:
                let w = base.loadUnaligned(fromByteOffset: start, as: UInt16.self)
                if w == KeyWords.at { s.at = index } else if w == KeyWords.ms { s.ms = index }
            case 4:
                let w = base.loadUnaligned(fromByteOffset: start, as: UInt32.self)
                if w == KeyWords.type { s.type = index }
                else if w == KeyWords.task { s.task = index }
                else if w == KeyWords.left { s.left = index }
                else if w == KeyWords.note { s.note = index }
            case 5:
                let w = base.loadUnaligned(fromByteOffset: start, as: UInt32.self)
                let last = base.load(fromByteOffset: start + 4, as: UInt8.self)
                if w == KeyWords.rate && last == UInt8(ascii: "r") { s.rater = index }
                else if w == KeyWords.scal && last == UInt8(ascii: "e") { s.scale = index }
            case 6:
                if base.loadUnaligned(fromByteOffset: start, as: UInt32.self) == KeyWords.choi
                    && base.loadUnaligned(fromByteOffset: start + 4, as: UInt16.self) == KeyWords.ce { s.choice = index }
                else if member.keyEquals("repeat", in: bytes) { s.isRepeat = index }
            case 7: if member.keyEquals("session", in: bytes) { s.session = index }
            case 11: if member.keyEquals("task_sha256", in: bytes) { s.taskSHA = index }
            default: break
            }
        }
        if s.version >= 0 {
            let v = members[s.version]
            if v.kind != .null && !(v.kind == .number && v.valueRange.count == 1
                                    && bytes[v.valueRange.lowerBound] == UInt8(ascii: "1")) { return nil }
        }
        guard isNonEmptyString(members, s.type), isNonEmptyString(members, s.rater),
              isOptionalString(members, s.session) else { return nil }
        let typeSpan = members[s.type]
        if typeSpan.valueHasEscapes { return nil }
        var event = SessionLineEvent()
        if s.isRepeat >= 0 {
            // Only `true`/`false` take the fast path; anything else is the reference's business.
            let flag = members[s.isRepeat]
            guard flag.kind == .bool else { return nil }
            // A bool's value is `true` or `false`: four letters mean true.
            event.isRepeat = flag.valueRange.count == 4
        }
        if s.at >= 0 && members[s.at].kind != .null {
            let at = members[s.at]
            guard at.kind == .string, !at.valueHasEscapes,
                  let time = FastTimestamp.seconds(bytes, (at.valueRange.lowerBound + 1)..<(at.valueRange.upperBound - 1))
            else { return nil }
            event.time = time
        }
        let type = UnsafeRawBufferPointer(rebasing: bytes[(typeSpan.valueRange.lowerBound + 1)..<(typeSpan.valueRange.upperBound - 1)])
        switch type.count {
        case 5 where equal(type, "label"): event.kind = .label
        case 4 where equal(type, "undo"): event.kind = .undo
        case 4 where equal(type, "skip"): event.kind = .skip
        case 5 where equal(type, "shown"): event.kind = .shown
        case 11 where equal(type, "session_end"): event.kind = .end
        default: event.kind = .other
        }
        switch event.kind {
        case .label:
            guard isNonEmptyString(members, s.task), isNonEmptyString(members, s.choice),
                  isOptionalString(members, s.taskSHA), isOptionalString(members, s.note) else { return nil }
            if s.left >= 0 && members[s.left].kind != .null {
                let left = members[s.left]
                guard left.kind == .string, left.valueRange.count == 3 else { return nil }
                switch bytes[left.valueRange.lowerBound + 1] {
                case UInt8(ascii: "A"): event.left = 0
                case UInt8(ascii: "B"): event.left = 1
                default: return nil
                }
            }
            if s.ms >= 0 && members[s.ms].kind != .null {
                guard members[s.ms].kind == .number, let ms = plainInteger(bytes, members[s.ms].valueRange) else { return nil }
                event.milliseconds = ms
            }
            event.choice = intern(members[s.choice], bytes, &tables.choices)
            event.task = intern(members[s.task], bytes, &tables.tasks)
            event.labelFields = LabelFieldSlots(task: Int32(truncatingIfNeeded: s.task), rater: Int32(truncatingIfNeeded: s.rater),
                                                choice: Int32(truncatingIfNeeded: s.choice), at: Int32(truncatingIfNeeded: s.at),
                                                session: Int32(truncatingIfNeeded: s.session),
                                                note: Int32(truncatingIfNeeded: s.note))
            if s.taskSHA >= 0 && members[s.taskSHA].kind == .string {
                let sha = members[s.taskSHA]
                if !sha.valueHasEscapes && sha.valueRange.count == 66 {
                    event.taskSHAState = 1
                    event.taskSHAOffset = sha.valueRange.lowerBound + 1
                } else {
                    event.taskSHAState = 2
                }
            }
        case .undo, .skip:
            guard isNonEmptyString(members, s.task) else { return nil }
            event.task = intern(members[s.task], bytes, &tables.tasks)
        case .shown:
            guard isNonEmptyString(members, s.task) else { return nil }
            event.task = intern(members[s.task], bytes, &tables.tasks)
            if s.left >= 0 && members[s.left].kind == .string && members[s.left].valueRange.count == 3 {
                switch bytes[members[s.left].valueRange.lowerBound + 1] {
                case UInt8(ascii: "A"): event.left = 0
                case UInt8(ascii: "B"): event.left = 1
                default: break
                }
            }
        case .end:
            guard isOptionalString(members, s.task) else { return nil }
        case .other:
            guard isOptionalString(members, s.task) else { return nil }
            if type.count == 13 && equal(type, "session_start") {
                event.startsSession = true
                // Rare (one line per sitting), so the reference decoding is fine here.
                if s.scale >= 0, let value = try? JSONParser.value(of: members[s.scale], in: bytes) {
                    event.scale = value.arrayValue?.compactMap(\.stringValue)
                    event.scaleList = SessionScale.list(value)
                }
                if let line = try? JSONParser.parse(bytes), let rater = line["rater"]?.stringValue {
                    event.version = SittingVersion(rater: rater, line: line)
                }
            }
        }
        event.rater = intern(members[s.rater], bytes, &tables.raters)
        return event
    }

    @inline(__always)
    private static func intern(_ member: JSONMemberSpan, _ bytes: UnsafeRawBufferPointer, _ table: inout NameTable) -> Int32 {
        table.intern(content: bytes, (member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1),
                     hasEscapes: member.valueHasEscapes)
    }

    /// A present string with at least one character (an escape always decodes to one).
    @inline(__always)
    private static func isNonEmptyString(_ members: [JSONMemberSpan], _ index: Int) -> Bool {
        index >= 0 && members[index].kind == .string && members[index].valueRange.count > 2
    }

    /// Absent, null, or a string.
    @inline(__always)
    private static func isOptionalString(_ members: [JSONMemberSpan], _ index: Int) -> Bool {
        index < 0 || members[index].kind == .string || members[index].kind == .null
    }

    @inline(__always)
    private static func equal(_ raw: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard raw.count == word.utf8CodeUnitCount else { return false }
        for k in 0..<raw.count where raw[k] != word.utf8Start[k] { return false }
        return true
    }

    /// A JSON number written as plain digits (at most 15), as `Int`; nil for a sign, a fraction
    /// or an exponent (the reference path decides those).
    private static func plainInteger(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard range.count <= 15 else { return nil }
        var value = 0
        for k in range {
            let d = bytes[k]
            guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(d - UInt8(ascii: "0"))
        }
        return value
    }
}

/// Key prefixes as little-endian words, for telling keys apart with one load.
enum KeyWords {
    static let at = word16("at"), ms = word16("ms"), ce = word16("ce")
    static let type = word32("type"), task = word32("task"), left = word32("left"), note = word32("note")
    static let rate = word32("rate"), scal = word32("scal"), choi = word32("choi")

    private static func word16(_ text: StaticString) -> UInt16 {
        UInt16(text.utf8Start[0]) | UInt16(text.utf8Start[1]) << 8
    }

    private static func word32(_ text: StaticString) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(text.utf8Start[$1]) << (8 * UInt32($1)) }
    }
}

/// `Timestamp.parse` for the one shape `prefer label` writes, `yyyy-MM-ddTHH:mm:ss.SSSZ`,
/// without making a `String` or calling `timegm`; any other shape goes to `Timestamp.parse`.
enum FastTimestamp {
    /// Seconds since 1970, bit for bit what `Timestamp.parse(text)?.timeIntervalSince1970` gives,
    /// or nil when the text is not a valid RFC 3339 time.
    static func seconds(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        if range.count == 24, let fast = canonical(UnsafeRawBufferPointer(rebasing: bytes[range])) { return fast }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return Timestamp.parse(text)?.timeIntervalSince1970
    }

    private static func canonical(_ b: UnsafeRawBufferPointer) -> Double? {
        @inline(__always) func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for k in start..<(start + count) {
                let d = b[k]
                guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(d - UInt8(ascii: "0"))
            }
            return value
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "."),
              b[23] == UInt8(ascii: "Z"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              let millis = number(20, 3)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        // The same two Doubles added as in Timestamp.parse (fraction = numerator/denominator),
        // and the same round trip through Date, which stores seconds since 2001.
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / Double(1000)).timeIntervalSince1970
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
