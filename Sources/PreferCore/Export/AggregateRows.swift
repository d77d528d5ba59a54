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
    static func append(_ task: TaskPieces, choices: [String], categories: [String], to out: inout [UInt8]) {
        guard !choices.isEmpty else { return }
        let tally = ChoiceTally(choices)
        var counts = categories.map { JSONMember($0, .integer(tally.count(of: $0))) }
        // A choice outside the declared categories cannot happen when they were declared from
        // these labels; kept rather than dropped should a caller pass a shorter list.
        for choice in tally.counts.keys.sorted() where !categories.contains(choice) {
            counts.append(JSONMember(choice, .integer(tally.count(of: choice))))
        }
        var line = JSONObjectBytes(continuing: &out)
        line.add("task", .string(task.id))
        line.add("n", .integer(tally.total))
        line.add("counts", .object(counts))
        line.add("majority", .optional(tally.majority))
        line.add("agreement", tally.agreement.map(JSONValue.decimal) ?? .null)
        // The texts go straight into the line: copied once, not first into a part of their own.
        line.splice { bytes in
            bytes.append(literal: #""model_a":"#)
            bytes.append(contentsOf: task.modelA)
            bytes.append(literal: #","model_b":"#)
            bytes.append(contentsOf: task.modelB)
            bytes.append(UInt8(ascii: ","))
            ExportContent.appendMembers(task, to: &bytes)
            bytes.append(literal: #","meta":"#)
            bytes.append(contentsOf: task.meta)
        }
        line.finishLine(into: &out)
    }

}
