/// The fields of an `adjudication` event (SPEC §12): a lead's verdict on one task, in
/// canonical terms (A/B as in the task file), with the `task_sha256` of the content judged.
public struct AdjudicationInfo: Sendable, Equatable {
    public var task: String
    public var taskSHA256: String
    public var choice: String
    public var note: String?

    public init(task: String, taskSHA256: String, choice: String, note: String? = nil) {
        self.task = task
        self.taskSHA256 = taskSHA256
        self.choice = choice
        self.note = note
    }
}
