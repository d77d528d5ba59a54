/// What the session-log reader keeps of each label line besides what a report needs. The
/// files themselves are not kept: read into fresh memory that is never reused, they cost more
/// than their reading (the kernel zeroes every page), and a `labels` export needs a third of
/// each line.
public enum SessionLineKeeping: Sendable {
    /// Nothing (a report, a batch router).
    case nothing
    /// Each label's `task_sha256`, and the whole line only when that is written with escapes
    /// (then the export compares it decoded): enough for `aggregate` and `dpo`.
    case checks
    /// Also the fields a `labels` row writes (`task`, `rater`, `choice`, `at`, `session`,
    /// `note`) as they stand in the line, one after another; the whole line when the fast
    /// path did not read it.
    case labelFields

    /// What an export in `format` needs.
    public static func needed(by format: ExportFormat) -> SessionLineKeeping { format == .labels ? .labelFields : .checks }
}
