/// What `prefer export` writes (SPEC §9): one line per label, per item, or per preference pair.
public enum ExportFormat: String, Sendable, CaseIterable, Equatable {
    /// One line per effective label, with the task's content.
    case labels
    /// One line per item (task with at least one label): counts, majority, agreement.
    case aggregate
    /// One line per item whose majority prefers A or B: a TRL preference row.
    case dpo
}
