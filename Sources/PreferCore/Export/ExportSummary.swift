/// What an export wrote and left out, for the lead (printed on stderr by the CLI).
public struct ExportSummary: Sendable, Equatable {
    /// Lines written.
    public var rows = 0
    /// Tasks with at least one label used.
    public var items = 0
    /// Effective labels used.
    public var labels = 0
    /// Effective labels left out because their task id is not in the task file.
    public var unknownTaskLabels = 0
    /// The first few distinct task ids of those labels (at most `warningLimit`), in the order
    /// of their session lines, for the message of an export that matched nothing.
    public var firstUnknownTaskIds: [String] = []
    /// Effective labels left out because they were made on other content (`task_sha256`
    /// differs from the task line's hash now).
    public var changedTaskLabels = 0
    /// `dpo`: items that gave no row, by reason.
    public var skipped: [DPOSkipReason: Int] = [:]
    /// `dpo`: whether the rows are in TRL's conversational format (message lists).
    public var conversational = false
    /// The first few left-out labels, as `FILE:LINE: reason` (at most `warningLimit` per kind).
    public var warnings: [InputError] = []

    /// How many left-out labels of each kind are named one by one.
    public static let warningLimit = 10

    public init() {}
}
