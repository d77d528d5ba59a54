/// Everything `prefer report` shows: the statistics of SPEC §8 plus what a lead needs to read
/// them — coverage, the most contested items, rater flags and which win rates noise explains.
public struct Report: Sendable, Equatable {
    public var options: ReportOptions
    public var summary: StatisticsSummary
    public var coverage: ReportCoverage
    /// Items with the least agreement, most contested first.
    public var contested: [ContestedItem]
    /// Flags per rater, parallel to `summary.raterDetails`.
    public var raterFlags: [[RaterFlag]]
    /// Per model pair, parallel to `summary.winRates`: true when the Wilson interval holds 0.5
    /// (or there is no decisive label), i.e. the split is within what label noise explains.
    public var winRateWithinNoise: [Bool]
    /// Torn last lines and other tolerated problems, as `FILE:LINE: reason`.
    public var warnings: [InputError]
    /// Per model pair, parallel to `summary.winRates`: the win rate in its context.
    public var claims: [PairClaim] = []
    /// Length bias of all labels and per rater (rater-name order); nil without `--tasks`.
    public var lengthBias: LengthBias?
    public var raterLengthBias: [LengthBias] = []
    /// Agreement as MT-Bench reports it: pooled vote pairs, with and without ties.
    public var pooled: PooledPairAgreement?
    /// Bradley–Terry with a coefficient for the length difference; nil without `--tasks`.
    public var lengthControlled: LengthControlledRatings?
    /// `--by KEY`: agreement, win rates and ratings per value of KEY.
    public var breakdown: GroupBreakdown?
    /// The leads' verdicts (SPEC §12), nil when there are none: the report then reads as
    /// it did before adjudication existed.
    public var adjudication: AdjudicationSummary? = nil
    /// Batch repeats per rater (SPEC §10 self- and position consistency); empty without repeats.
    public var repeatConsistency: [String: RepeatConsistency.Counts] = [:]
}

/// How much was read and how well the labels cover the tasks.
public struct ReportCoverage: Sendable, Equatable {
    public var files = 0
    public var sittings = 0
    public var labelEvents = 0
    public var undoEvents = 0
    public var skipEvents = 0
    /// Items with exactly k labels, as (k, items), k ascending.
    public var labelsPerItem: [LabelCount] = []
    /// Items with at least two labels (the ones agreement is computed on).
    public var pairableItems = 0
    /// Tasks in `--tasks`, when given.
    public var tasksInFile: Int?
    /// Labeled tasks that `--tasks` does not hold, when given.
    public var labeledTasksNotInFile: Int?
    /// Effective labels read, before the task-file rule left any out.
    public var labelsRead = 0
    /// With `--tasks`: effective labels left out because their task id is not in the file, or
    /// because they were made on other content (SPEC §4, as `export` leaves them out).
    public var leftOutUnknownTask = 0
    public var leftOutChangedContent = 0
    /// The first few task ids of the labels left out as unknown, in session-line order.
    public var firstUnknownTaskIds: [String] = []
    /// Items whose task names two different models (the ones win rates count).
    public var itemsWithModels = 0
    /// Gold answers in `--gold`, when given, and how many of those tasks were labeled.
    public var goldAnswers: Int?
    public var goldItemsLabeled: Int?

    public init() {}

    /// A bucket of the labels-per-item histogram.
    public struct LabelCount: Sendable, Equatable {
        public var labels: Int
        public var items: Int
    }
}

/// One item on which raters disagreed, with its label counts.
public struct ContestedItem: Sendable, Equatable {
    public var task: String
    public var labels: Int
    /// Per-item agreement: Σ n_k(n_k−1) / (n(n−1)), the share of agreeing rater pairs.
    public var agreement: Double
    /// Choices and how often each was chosen, most chosen first (ties in category order).
    public var counts: [ChoiceCount]
    public var modelA: String?
    public var modelB: String?
    public var gold: String?

    /// How often one choice was made on an item.
    public struct ChoiceCount: Sendable, Equatable {
        public var choice: String
        public var count: Int
    }
}

/// Something in a rater's labels a lead should look at (docs/REPORT.md gives the rules).
public enum RaterFlag: String, Sendable, Equatable, CaseIterable {
    /// Chooses the left response more (or less) often than chance allows, Bonferroni-corrected.
    case positionBias = "position_bias"
    /// Agrees with the other raters' majority far less than the rest of the team does.
    case lowAgreement = "low_agreement"
    /// Answers in under a third of the team's typical time.
    case fast = "fast"
    /// Gets under 70% of at least five gold items right.
    case lowGoldAccuracy = "low_gold_accuracy"

    /// A few words for tables.
    public var words: String {
        switch self {
        case .positionBias: return "position bias"
        case .lowAgreement: return "outlying agreement"
        case .fast: return "very fast"
        case .lowGoldAccuracy: return "gold accuracy"
        }
    }
}
