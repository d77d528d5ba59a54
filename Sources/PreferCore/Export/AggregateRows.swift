/// The `aggregate` export (SPEC §9): one line per item.
///
/// Keys, in this order: `task`, `n` (labels), `counts` (labels per declared category, in the
/// declared order, zeros included, so every line has the same keys), `majority` (the strict
/// plurality choice, else `null`), `agreement` (the share of labels equal to the majority,
/// `null` when there is none), `decision` (the lead's verdict when there is one, else the
/// majority, else `null`), `decided_by` (`"adjudication"`, `"majority"` or `null`), `model_a`,
/// `model_b`, `prompt`, `response_a`, `response_b`, `meta`.
public enum AggregateRows {
    /// Appends the line of one item; `categories` are the declared categories of the whole
    /// export and hold every choice of `labels`.
    static func append(_ task: TaskPieces, _ labels: [EffectiveLabel], categories: [String], verdict: String? = nil,
                       to out: inout [UInt8]) {
        append(task, choices: labels.map(\.choice), categories: categories, verdict: verdict, to: &out)
    }

    /// The line of one item from its labels' choices.
    ///
    /// Written member by member (no `JSONValue` tree, no dictionary): the same bytes as
    /// `JSONWriter` gives, which the export tests hold against hand-written lines.
    static func append(_ task: TaskPieces, choices: [String], categories: [String], verdict: String? = nil,
                       to out: inout [UInt8]) {
        guard !choices.isEmpty else { return }
        let tally = ChoiceTally(choices)
        // Counts per declared category, then per choice outside them (sorted; none when the
        // categories were declared from these labels, kept should a caller pass fewer).
        var names = categories
        names.append(contentsOf: tally.choices.filter { !categories.contains($0) }.sorted())
        let counts = names.map { tally.count(of: $0) }
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
        JSONWriter.append(.optional(tally.majority), to: &out)
        out.append(literal: #","agreement":"#)
        JSONWriter.append(tally.agreement.map(JSONValue.decimal) ?? .null, to: &out)
        out.append(literal: #","decision":"#)
        JSONWriter.append(.optional(verdict ?? tally.majority), to: &out)
        out.append(literal: #","decided_by":"#)
        let decidedBy: DecidedBy? = verdict != nil ? .adjudication : tally.majority != nil ? .majority : nil
        JSONWriter.append(.optional(decidedBy?.rawValue), to: &out)
        out.append(UInt8(ascii: ","))
        ExportContent.appendModelsAndTexts(task, to: &out)
        ExportContent.appendMetaAndEnd(task, to: &out)
    }
}
