import Foundation

/// Reads one session line into a `SessionLineEvent`, as `SessionLine.record()` reads it (the
/// one reading of a line, which names every error), only faster: the common shape — fields of
/// the expected kinds, a millisecond `Z` time, a plain integer `ms` — is read straight from
/// the member spans; anything else is read through `record()`, so every error message, and
/// every unusual but valid line, is its own.
enum SessionLineDecoder {
    /// Decodes a line the scanner has validated as a value of `kind`, with `members` when it
    /// is an object.
    static func decode(_ bytes: UnsafeRawBufferPointer, _ kind: JSONKind, _ members: [JSONMemberSpan], file: String,
                       line: Int, tables: inout SessionNameTables) throws(InputError) -> SessionLineEvent {
        let view = try SessionLine(bytes, kind, members, file: file, line: line)
        if let fast = fastDecode(view, tables: &tables) { return fast }
        return event(of: try view.record(), tables: &tables)
    }

    /// What the readers keep of a record.
    private static func event(of record: SessionRecord, tables: inout SessionNameTables) -> SessionLineEvent {
        var event = SessionLineEvent()
        event.rater = tables.raters.intern(record.rater)
        event.time = record.at?.timeIntervalSince1970
        switch record.type {
        case "label": event.kind = .label
        case "undo": event.kind = .undo
        case "skip": event.kind = .skip
        case "shown": event.kind = .shown
        case "session_end": event.kind = .end
        case "adjudication": event.kind = .adjudication
        default: event.kind = .other
        }
        event.isRepeat = record.isRepeat
        if event.kind != .other && event.kind != .end && event.kind != .adjudication, let task = record.task {
            event.task = tables.tasks.intern(task)
        }
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

    /// The fast path; nil whenever the line is anything but the common, valid shape.
    static func fastDecode(_ s: SessionLine, tables: inout SessionNameTables) -> SessionLineEvent? {
        let bytes = s.bytes, members = s.members
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
                  let time = Timestamp.seconds(bytes, (at.valueRange.lowerBound + 1)..<(at.valueRange.upperBound - 1))
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
        // Verdicts are rare: the reference path decodes them whole.
        case 12 where equal(type, "adjudication"): return nil
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
        case .adjudication:
            return nil
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
