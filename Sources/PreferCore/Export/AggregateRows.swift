/// The `aggregate` export (SPEC §9): one line per item.
///
/// Keys, in this order: `task`, `n` (labels), `counts` (labels per declared category, in the
/// declared order, zeros included, so every line has the same keys), `majority` (the strict
/// plurality choice, else `null`), `agreement` (the share of labels equal to the majority,
/// `null` when there is none), `model_a`, `model_b`, `prompt`, `response_a`, `response_b`,
/// `meta`.
public enum AggregateRows {
    /// Appends the line of one item; `categories` are the declared categories of the whole
    /// export and hold every choice of `labels`.
    public static func append(_ task: PreferenceTask, _ labels: [EffectiveLabel], categories: [String],
                              to out: inout [UInt8]) {
        append(TaskPieces(task), labels, categories: categories, to: &out)
    }

    static func append(_ task: TaskPieces, _ labels: [EffectiveLabel], categories: [String], to out: inout [UInt8]) {
        append(task, choices: labels.map(\.choice), categories: categories, to: &out)
    }

    /// The line of one item from its labels' choices.
    ///
    /// Written member by member (no `JSONValue` tree, no dictionary): the same bytes as
    /// `JSONWriter` gives, which the export tests hold against hand-written lines.
    static func append(_ task: TaskPieces, choices: [String], categories: [String], to out: inout [UInt8]) {
        guard !choices.isEmpty else { return }
        // Counts per declared category, then per choice outside them (sorted; none when the
        // categories were declared from these labels, kept should a caller pass fewer).
        var counts = categories.map { category in choices.reduce(0) { $0 + ($1 == category ? 1 : 0) } }
        var names = categories
        let outside = Set(choices.filter { !categories.contains($0) }).sorted()
        for choice in outside {
            names.append(choice)
            counts.append(choices.reduce(0) { $0 + ($1 == choice ? 1 : 0) })
        }
        // The strict plurality, as `ChoiceTally.majority`.
        var best = -1
        var shared = false
        for k in counts.indices where counts[k] > 0 {
            if best < 0 || counts[k] > counts[best] {
                best = k
                shared = false
            } else if counts[k] == counts[best] {
                shared = true
            }
        }
        let majority = best >= 0 && !shared ? best : -1
        out.append(literal: #"{"task":"#)
        JSONWriter.appendString(task.id, to: &out)
        out.append(literal: #","n":"#)
        RawField.appendDecimal(choices.count, to: &out)
        out.append(literal: #","counts":{"#)
        for k in names.indices {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.appendString(names[k], to: &out)
            out.append(UInt8(ascii: ":"))
            RawField.appendDecimal(counts[k], to: &out)
        }
        out.append(literal: #"},"majority":"#)
        if majority >= 0 { JSONWriter.appendString(names[majority], to: &out) } else { out.append(literal: "null") }
        out.append(literal: #","agreement":"#)
        if majority >= 0 {
            JSONWriter.append(.decimal(Double(counts[majority]) / Double(choices.count)), to: &out)
        } else {
            out.append(literal: "null")
        }
        out.append(UInt8(ascii: ","))
        ExportContent.appendModelsAndTexts(task, to: &out)
        ExportContent.appendMetaAndEnd(task, to: &out)
    }
}
