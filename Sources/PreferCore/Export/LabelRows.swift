/// The `labels` export (SPEC §9): one line per effective label, with the task's content.
///
/// Keys, in this order: `task`, `rater`, `choice`, `left`, `ms`, `at`, `session`, `model_a`,
/// `model_b`, `prompt`, `response_a`, `response_b`, `note`, `meta`; with
/// `--with-adjudications` a `type` first (`label`, or `adjudication` for a verdict line,
/// whose rater is the lead). Absent values are `null`
/// (a minimal label line from another tool has no `left`, `ms`, `at` or `session`); `meta`
/// holds the task's other keys in file order, `{}` when it has none.
public enum LabelRows {
    /// Appends the lines of `labels` (all of `task`) to `out`.
    static func append(_ task: TaskPieces, _ labels: [EffectiveLabel], type: String? = nil, to out: inout [UInt8]) {
        guard !labels.isEmpty else { return }
        var content: [UInt8] = []
        ExportContent.appendModelsAndTexts(task, to: &content)
        for label in labels {
            appendHead(label, type: type, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: content)
            appendTail(label, task, to: &out)
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
    static func append(_ task: TaskPieces, _ positions: [Int], of labels: ExportLabels.Visit, type: String? = nil,
                       to chunk: inout ExportChunk) {
        guard !positions.isEmpty else { return }
        let content = chunk.share { ExportContent.appendModelsAndTexts(task, to: &$0) }
        for j in positions {
            // The usual label: its fields written from where they are in its line.
            let done: Bool? = labels.withFields(j) { line, fields, left, milliseconds in
                appendHead(line, fields, left: left, milliseconds: milliseconds, type: type, to: &chunk.own)
                chunk.own.append(UInt8(ascii: ","))
                chunk.reference(content)
                chunk.own.append(literal: #","note":"#)
                RawField.append(fields.note, line, to: &chunk.own)
                ExportContent.appendMetaAndEnd(task, to: &chunk.own)
                return true
            }
            if done == true { continue }
            let label = labels.label(j)
            appendHead(label, type: type, to: &chunk.own)
            chunk.own.append(UInt8(ascii: ","))
            chunk.reference(content)
            appendTail(label, task, to: &chunk.own)
        }
    }

    /// `{"task":…` to `"session":…` of a label line.
    private static func appendHead(_ label: EffectiveLabel, type: String?, to out: inout [UInt8]) {
        var line = JSONObjectBytes(continuing: &out)
        if let type { line.add("type", .string(type)) }
        line.add("task", .string(label.task))
        line.add("rater", .string(label.rater))
        line.add("choice", .string(label.choice))
        line.add("left", .optional(label.left?.rawValue))
        line.add("ms", .optional(label.ms))
        line.add("at", .optional(label.atText))
        line.add("session", .optional(label.session))
        line.handBack(into: &out)
    }

    /// `,"note":…,"meta":…}` and the line's end.
    private static func appendTail(_ label: EffectiveLabel, _ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #","note":"#)
        JSONWriter.append(.optional(label.note), to: &out)
        ExportContent.appendMetaAndEnd(task, to: &out)
    }

    /// Writes `{"task":…` to `"session":…` of a label from where its string fields are in its
    /// line.
    private static func appendHead(_ bytes: UnsafeRawBufferPointer, _ fields: LabelFieldSpans, left: Int8, milliseconds: Int,
                                   type: String?, to out: inout [UInt8]) {
        if let type {
            out.append(literal: #"{"type":"#)
            JSONWriter.appendString(type, to: &out)
            out.append(literal: #","task":"#)
        } else {
            out.append(literal: #"{"task":"#)
        }
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
}
