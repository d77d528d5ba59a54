/// The `labels` export (SPEC §9): one line per effective label, with the task's content.
///
/// Keys, in this order: `task`, `rater`, `choice`, `left`, `ms`, `at`, `session`, `model_a`,
/// `model_b`, `prompt`, `response_a`, `response_b`, `note`, `meta`. Absent values are `null`
/// (a minimal label line from another tool has no `left`, `ms`, `at` or `session`); `meta`
/// holds the task's other keys in file order, `{}` when it has none.
public enum LabelRows {
    /// Appends the lines of `labels` (all of `task`) to `out`.
    public static func append(_ task: PreferenceTask, _ labels: [EffectiveLabel], to out: inout [UInt8]) {
        append(TaskPieces(task), labels, to: &out)
    }

    static func append(_ task: TaskPieces, _ labels: [EffectiveLabel], to out: inout [UInt8]) {
        guard !labels.isEmpty else { return }
        var content: [UInt8] = []
        appendContent(task, to: &content)
        for label in labels {
            appendHead(label, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: content)
            appendTail(noteOf(label), task, to: &out)
        }
    }

    /// Appends the lines of the labels at `positions` of `labels` (all of `task`).
    ///
    /// A label line of the usual shape (plain keys, fields of the expected kinds) is written
    /// from its bytes: a string without escapes that is safe to `cat` is copied as it stands,
    /// which is byte for byte what `JSONWriter` writes for its decoded text; any other string
    /// is decoded and written by `JSONWriter`. Any other line is read into an
    /// `EffectiveLabel` and written as the reference writes it. The task's content is stored
    /// once in the chunk and pointed at by every line.
    static func append(_ task: TaskPieces, _ positions: [Int], of labels: ExportLabels.Visit, to chunk: inout ExportChunk) {
        guard !positions.isEmpty else { return }
        let content = chunk.share { appendContent(task, to: &$0) }
        for j in positions {
            // The usual label: head and note straight from the field places, no array between.
            let done: Bool? = labels.withFields(j) { line, fields, left, milliseconds in
                appendHead(line, fields, left: left, milliseconds: milliseconds, to: &chunk.own)
                chunk.own.append(UInt8(ascii: ","))
                chunk.reference(content)
                chunk.own.append(literal: #","note":"#)
                RawField.append(fields.note, line, to: &chunk.own)
                appendMeta(task, to: &chunk.own)
                return true
            }
            if done == true { continue }
            var note = labels.withLine(j) { line in appendHead(line, to: &chunk.own) }
            if note == nil {
                let label = labels.label(j)
                appendHead(label, to: &chunk.own)
                note = noteOf(label)
            }
            chunk.own.append(UInt8(ascii: ","))
            chunk.reference(content)
            appendTail(note!, task, to: &chunk.own)
        }
    }

    /// `"model_a":…,"model_b":…,"prompt":…,"response_a":…,"response_b":…`, the same in every
    /// line of a task.
    static func appendContent(_ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #""model_a":"#)
        out.append(contentsOf: task.modelA)
        out.append(literal: #","model_b":"#)
        out.append(contentsOf: task.modelB)
        out.append(UInt8(ascii: ","))
        ExportContent.appendMembers(task, to: &out)
    }

    /// `{"task":…` to `"session":…` of a label line.
    private static func appendHead(_ label: EffectiveLabel, to out: inout [UInt8]) {
        var line = JSONObjectBytes(continuing: &out)
        line.add("task", .string(label.task))
        line.add("rater", .string(label.rater))
        line.add("choice", .string(label.choice))
        line.add("left", .optional(label.left?.rawValue))
        line.add("ms", .optional(label.ms))
        line.add("at", .optional(label.atText))
        line.add("session", .optional(label.session))
        line.handBack(into: &out)
    }

    /// The note as JSON.
    private static func noteOf(_ label: EffectiveLabel) -> [UInt8] {
        JSONWriter.bytes(.optional(label.note))
    }

    /// `,"note":…,"meta":…}` and the line's end.
    private static func appendTail(_ note: [UInt8], _ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #","note":"#)
        out.append(contentsOf: note)
        appendMeta(task, to: &out)
    }

    /// `,"meta":…}` and the line's end.
    private static func appendMeta(_ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #","meta":"#)
        out.append(contentsOf: task.meta)
        out.append(literal: "}\n")
    }

    /// Writes `{"task":…` to `"session":…` of a label from the places the session reader
    /// found its fields at.
    private static func appendHead(_ bytes: UnsafeRawBufferPointer, _ fields: LabelFieldSpans, left: Int8, milliseconds: Int,
                                   to out: inout [UInt8]) {
        out.append(literal: #"{"task":"#)
        RawField.append(fields.task, bytes, to: &out)
        out.append(literal: #","rater":"#)
        RawField.append(fields.rater, bytes, to: &out)
        out.append(literal: #","choice":"#)
        RawField.append(fields.choice, bytes, to: &out)
        out.append(literal: #","left":"#)
        switch left {
        case 0: out.append(literal: #""A""#)
        case 1: out.append(literal: #""B""#)
        default: out.append(literal: "null")
        }
        out.append(literal: #","ms":"#)
        if milliseconds == CodedLabels.noMilliseconds {
            out.append(literal: "null")
        } else {
            RawField.appendDecimal(milliseconds, to: &out)
        }
        out.append(literal: #","at":"#)
        RawField.append(fields.at, bytes, to: &out)
        out.append(literal: #","session":"#)
        RawField.append(fields.session, bytes, to: &out)
    }

    /// Writes `{"task":…` to `"session":…` of a label straight from its session line and
    /// returns its note as JSON, to write after the content; nil, with nothing written, when
    /// the line is not of the usual shape.
    private static func appendHead(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) -> [UInt8]? {
        let members = JSONSpans.members(bytes, ofObjectIn: 0..<bytes.count)
        guard let slots = SessionLineFields.Slots(members, in: bytes),
              let task = slots.task, members[task].kind == .string,
              let rater = slots.rater, members[rater].kind == .string,
              let choice = slots.choice, members[choice].kind == .string,
              RawField.isOptionalString(slots.at, members), RawField.isOptionalString(slots.session, members),
              RawField.isOptionalString(slots.note, members),
              let left = RawField.side(slots.left, members, bytes), let ms = RawField.milliseconds(slots.ms, members, bytes)
        else { return nil }
        out.append(literal: #"{"task":"#)
        RawField.appendString(members[task], bytes, to: &out)
        out.append(literal: #","rater":"#)
        RawField.appendString(members[rater], bytes, to: &out)
        out.append(literal: #","choice":"#)
        RawField.appendString(members[choice], bytes, to: &out)
        out.append(literal: #","left":"#)
        left.append(from: bytes, to: &out)
        out.append(literal: #","ms":"#)
        ms.append(from: bytes, to: &out)
        out.append(literal: #","at":"#)
        RawField.appendOptionalString(slots.at, members, bytes, to: &out)
        out.append(literal: #","session":"#)
        RawField.appendOptionalString(slots.session, members, bytes, to: &out)
        var note: [UInt8] = []
        RawField.appendOptionalString(slots.note, members, bytes, to: &note)
        return note
    }
}

/// Fields of a validated session line written to an export as they stand where that gives
/// `JSONWriter`'s own bytes.
enum RawField {
    /// A value to write: `null`, or these bytes of the line.
    enum Value {
        case null
        case bytes(Range<Int>)

        func append(from bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
            switch self {
            case .null: out.append(literal: "null")
            case .bytes(let range): out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
            }
        }
    }

    /// Absent, null or a string.
    static func isOptionalString(_ slot: Int?, _ members: [JSONMemberSpan]) -> Bool {
        guard let slot else { return true }
        return members[slot].kind == .string || members[slot].kind == .null
    }

    /// `left` as written: "A", "B" or null; nil for anything else.
    static func side(_ slot: Int?, _ members: [JSONMemberSpan], _ bytes: UnsafeRawBufferPointer) -> Value? {
        guard let slot, members[slot].kind != .null else { return .null }
        let value = members[slot].valueRange
        guard members[slot].kind == .string, value.count == 3 else { return nil }
        let side = bytes[value.lowerBound + 1]
        guard side == UInt8(ascii: "A") || side == UInt8(ascii: "B") else { return nil }
        return .bytes(value)
    }

    /// `ms` as written when it is plain digits (which is how `String(Int)` writes it; JSON has
    /// no leading zeros) or null; nil for anything else.
    static func milliseconds(_ slot: Int?, _ members: [JSONMemberSpan], _ bytes: UnsafeRawBufferPointer) -> Value? {
        guard let slot, members[slot].kind != .null else { return .null }
        let value = members[slot].valueRange
        guard members[slot].kind == .number, !value.isEmpty, value.count <= 15 else { return nil }
        for k in value where bytes[k] < UInt8(ascii: "0") || bytes[k] > UInt8(ascii: "9") { return nil }
        return .bytes(value)
    }

    /// A string member: copied when it has no escape and is safe to `cat`, else decoded and
    /// written again.
    static func appendString(_ member: JSONMemberSpan, _ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        if !member.valueHasEscapes && CatSafety.isSafe(bytes, member.valueRange) {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[member.valueRange]))
        } else {
            JSONWriter.appendString(JSONStringDecoder.decodeValue(bytes, member.valueRange), to: &out)
        }
    }

    /// A non-negative integer as `String(Int)` writes it, without making the `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// A value found by the session reader: `null` when absent or null; a string as
    /// `appendString` writes it; anything else (the side, plain-digit milliseconds) as it stands.
    static func append(_ span: FieldSpan, _ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard span.isPresent else {
            out.append(literal: "null")
            return
        }
        let range = span.range
        if bytes[range.lowerBound] == UInt8(ascii: "\"") && (span.escaped || !CatSafety.isSafe(bytes, range)) {
            JSONWriter.appendString(JSONStringDecoder.decodeValue(bytes, range), to: &out)
        } else {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
    }

    /// A string member, or `null` when it is absent or null.
    static func appendOptionalString(_ slot: Int?, _ members: [JSONMemberSpan], _ bytes: UnsafeRawBufferPointer,
                                     to out: inout [UInt8]) {
        guard let slot, members[slot].kind == .string else {
            out.append(literal: "null")
            return
        }
        appendString(members[slot], bytes, to: &out)
    }
}
