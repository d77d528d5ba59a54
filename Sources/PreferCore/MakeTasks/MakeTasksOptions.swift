/// Which model pairs `make-tasks` compares on each question (`--pairs`).
public enum PairMode: Sendable, Equatable {
    /// Every pair of the chosen models.
    case all
    /// Every other model against this one.
    case baseline(String)
    /// This many distinct pairs per question, drawn with the seed from the pairs whose two
    /// models both answered it (all of them when there are fewer).
    case sample(Int)

    /// Reads `all`, `baseline:MODEL` or `sample:N`.
    public init(parsing text: String) throws(MakeTasksError) {
        if text == "all" {
            self = .all
        } else if text.hasPrefix("baseline:"), text.count > "baseline:".count {
            self = .baseline(String(text.dropFirst("baseline:".count)))
        } else if text.hasPrefix("sample:"), let count = Int(text.dropFirst("sample:".count)), count > 0 {
            self = .sample(count)
        } else {
            throw .usage("--pairs must be all, baseline:MODEL or sample:N (N ≥ 1), not \(JSONWriter.quoted(text))")
        }
    }
}

/// Which turns of each question become tasks (`--turns`).
public enum TurnSelection: String, Sendable, Equatable, CaseIterable {
    case first = "1"
    case second = "2"
    case both

    /// The 1-based turn numbers.
    public var turns: [Int] {
        switch self {
        case .first: return [1]
        case .second: return [2]
        case .both: return [1, 2]
        }
    }
}

/// The options of one `make-tasks` run.
public struct MakeTasksOptions: Sendable, Equatable {
    /// `--models`: the models to compare, in this order; nil for every model with answers.
    public var models: [String]?
    public var pairs: PairMode
    public var turns: TurnSelection
    /// `--seed`: decides which model is A (and which pairs `sample:N` draws).
    public var seed: UInt64

    public init(models: [String]? = nil, pairs: PairMode = .all, turns: TurnSelection = .both, seed: UInt64 = 0) {
        self.models = models
        self.pairs = pairs
        self.turns = turns
        self.seed = seed
    }
}
