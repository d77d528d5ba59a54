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
