/// What `prefer export` writes (SPEC §9): one line per label, per item, or per preference pair.
public enum ExportFormat: String, Sendable, CaseIterable, Equatable {
    /// One line per effective label, with the task's content.
    case labels
    /// One line per item (task with at least one label): counts, majority, agreement.
    case aggregate
    /// One line per item whose majority prefers A or B: a TRL preference row.
    case dpo
}

/// The choices of one export run.
public struct ExportOptions: Sendable, Equatable {
    public var format: ExportFormat
    /// `dpo` only: an item needs at least this many effective labels.
    public var minVotes: Int
    /// `dpo` only: the share of an item's labels that agree with its majority must be at least this.
    public var minAgreement: Double
    /// `labels` only: also a line per verdict in effect (rater = the lead), every line
    /// then saying its `type` (`label` or `adjudication`).
    public var withAdjudications: Bool

    public init(format: ExportFormat = .labels, minVotes: Int = 1, minAgreement: Double = 0,
                withAdjudications: Bool = false) {
        self.format = format
        self.minVotes = minVotes
        self.minAgreement = minAgreement
        self.withAdjudications = withAdjudications
    }
}
