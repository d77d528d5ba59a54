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
    /// With `TaskFileSegment.measuresLengths` and no `labeledLines`: per task, the judged
    /// lengths of its responses a and b (two entries per task, in task order) as the validator
    /// counted them, `notCounted` for a conversation task; empty otherwise.
    var countedLengths: [Int32] = []
    static let notCounted: Int32 = -2
}
