/// The `labels` export (SPEC §9): one line per effective label, with the task's content.
///
/// Keys, in this order: `task`, `rater`, `choice`, `left`, `ms`, `at`, `session`, `model_a`,
/// `model_b`, `prompt`, `response_a`, `response_b`, `note`, `meta`. Absent values are `null`
/// (a minimal label line from another tool has no `left`, `ms`, `at` or `session`); `meta`
/// holds the task's other keys in file order, `{}` when it has none.
public enum LabelRows {
    /// Appends the lines of `labels` (all of `task`) to `out`.
    public static func append(_ task: PreferenceTask, _ labels: [EffectiveLabel], to out: inout [UInt8]) {
        guard !labels.isEmpty else { return }
        // The content is the same for every label of the task: serialize it once.
        let texts = ExportedTexts(task.content)
        let content = JSONObjectBytes.members([
            ("model_a", .optional(task.modelA)), ("model_b", .optional(task.modelB)),
            ("prompt", texts.prompt), ("response_a", texts.responseA), ("response_b", texts.responseB),
        ])
        let meta = JSONObjectBytes.members([("meta", .object(task.extra))])
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
