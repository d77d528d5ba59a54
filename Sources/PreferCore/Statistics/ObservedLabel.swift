/// One effective label as the statistics need it: who chose what on which task, and how.
///
/// The session reader resolves undo and ordering first (SPEC §4); this is its output.
public struct ObservedLabel: Sendable, Equatable {
    /// Which canonical response was shown on the left.
    public enum Side: Sendable, Equatable {
        case a, b
    }

    /// The task id (an item once it has at least one label).
    public var item: String
    public var rater: String
    /// The recorded choice, in canonical A/B terms.
    public var choice: String
    /// Which response was on the left; nil for minimal label lines from other tools.
    public var left: Side?
    /// Milliseconds from the task being shown to the choice; nil when not recorded.
    public var milliseconds: Int?

    public init(item: String, rater: String, choice: String, left: Side? = nil, milliseconds: Int? = nil) {
        self.item = item
        self.rater = rater
        self.choice = choice
        self.left = left
        self.milliseconds = milliseconds
    }
}

/// What the report knows about a task besides its labels: models compared and the gold answer.
public struct ItemInfo: Sendable, Equatable {
    public var modelA: String?
    public var modelB: String?
    /// The gold choice from `--gold`, when the task is a gold item.
    public var gold: String?

    public init(modelA: String? = nil, modelB: String? = nil, gold: String? = nil) {
        self.modelA = modelA
        self.modelB = modelB
        self.gold = gold
    }
}
