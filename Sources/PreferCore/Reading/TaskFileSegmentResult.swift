/// What one worker found in one slice of the task file.
struct TaskFileSegmentResult: Sendable {
    var records: [TaskRecord] = []
    var ids = TaskIdTable()
    /// Model names in first-seen order; `TaskRecord.modelA/B` are their ids plus 1.
    var models = NameTable(capacity: 16)
    /// The first problems, with lines counted from the start of the segment.
    var errors: [InputError] = []
    var errorCount = 0
    var lineCount = 0
    /// With `TaskFileSegment.labeledLines`: every line whose id is labeled, in file order
    /// (a repeated id each time); nil when the slice was scanned before the labels were known.
    var labeled: [LabeledTaskLines.Found]?
    /// With `TaskFileSegment.readsAhead` and no `labeledLines`: per task, the judged lengths
    /// of its responses a and b (two entries per task, in task order); empty otherwise.
    var judgedLengths: [Int32] = []
    /// With `TaskFileSegment.readsAhead` and no `labeledLines`: per task, the SHA-256 of its
    /// line, in task order; empty otherwise.
    var digests: [SHA256Bytes] = []
}
