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
        // The content is the same for every label of the task: put it together once.
        var content = Array(#""model_a":"#.utf8)
        content.append(contentsOf: task.modelA)
        content.append(contentsOf: Array(#","model_b":"#.utf8))
        content.append(contentsOf: task.modelB)
        content.append(UInt8(ascii: ","))
        ExportContent.appendMembers(task, to: &content)
        let meta = Array(#""meta":"#.utf8) + task.meta
        for label in labels {
            var line = JSONObjectBytes(continuing: &out)
            line.add("task", .string(label.task))
            line.add("rater", .string(label.rater))
            line.add("choice", .string(label.choice))
            line.add("left", .optional(label.left?.rawValue))
            line.add("ms", .optional(label.ms))
            line.add("at", .optional(label.atText))
            line.add("session", .optional(label.session))
            line.splice(content)
            line.add("note", .optional(label.note))
            line.splice(meta)
            line.finishLine(into: &out)
        }
    }
}
