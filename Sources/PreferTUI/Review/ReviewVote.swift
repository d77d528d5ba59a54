import PreferCore

/// One rater's effective label of a contested item, as the review table shows it.
public struct ReviewVote: Sendable, Equatable {
    public var rater: String
    /// Canonical choice (A/B as in the task file).
    public var choice: String
    /// Which canonical response the rater saw on the left (nil for labels from elsewhere).
    public var left: ResponseSide?
    public var ms: Int?
    public var note: String?

    public init(rater: String, choice: String, left: ResponseSide? = nil, ms: Int? = nil, note: String? = nil) {
        self.rater = rater
        self.choice = choice
        self.left = left
        self.ms = ms
        self.note = note
    }
}
