import PreferCore

/// A task with the raters' labels, its tally and the lead's verdict, if any.
public struct ReviewItem: Sendable, Equatable {
    /// Position of the task in the task file (what `.loadTask` loads).
    public var taskIndex: Int
    public var task: String
    public var sha256: String
    public var votes: [ReviewVote]
    public var verdict: ReviewVerdict?
    /// Model names, shown only with `--show-models`.
    public var modelA: String?
    public var modelB: String?

    public init(taskIndex: Int, task: String, sha256: String, votes: [ReviewVote],
                verdict: ReviewVerdict? = nil, modelA: String? = nil, modelB: String? = nil) {
        self.taskIndex = taskIndex
        self.task = task
        self.sha256 = sha256
        self.votes = votes
        self.verdict = verdict
        self.modelA = modelA
        self.modelB = modelB
    }

    /// The votes tallied as the exports tally them (majority = strict plurality).
    public var tally: ChoiceTally { ChoiceTally(votes.map(\.choice)) }

    /// The share of votes on the most chosen choice (0.5 for 1 A / 1 B): how far the raters
    /// agree, whether or not there is a strict majority.
    public var topShare: Double {
        let tally = self.tally
        guard tally.total > 0 else { return 0 }
        let top = tally.choices.map { tally.count(of: $0) }.max() ?? 0
        return Double(top) / Double(tally.total)
    }
}
