/// Each rater's agreement with themselves on batch repeats (SPEC §10): a repeat re-shows a
/// task the rater labeled before, sides swapped. Self-consistency is the share of repeats
/// whose canonical choice equals the rater's first label; position consistency is the same
/// share over decisive pairs only (first label and repeat both A or B, or both on one side of
/// a likert scale), where a rater who follows the screen side instead of the content flips.
/// Fed with the same events as the router, so `status` and `report` count alike; the
/// effective labels the repeats are held against are the batch ledger's (one replay).
public struct RepeatConsistency: Sendable {
    public struct Counts: Sendable, Equatable {
        public var repeats = 0
        public var same = 0
        public var decisive = 0
        public var decisiveSame = 0

        public init(repeats: Int = 0, same: Int = 0, decisive: Int = 0, decisiveSame: Int = 0) {
            self.repeats = repeats
            self.same = same
            self.decisive = decisive
            self.decisiveSame = decisiveSame
        }

        public var selfConsistency: IntervalEstimate { WilsonInterval.interval(successes: same, trials: repeats) }
        public var positionConsistency: IntervalEstimate {
            WilsonInterval.interval(successes: decisiveSame, trials: decisive)
        }
    }

    /// A rater is flagged when the upper end of their self-consistency interval is below
    /// this share (with at least `flagMinimumRepeats` repeats): they disagree with themselves
    /// more often than a careful rater plausibly would.
    public static let flagBelow = 0.7
    public static let flagMinimumRepeats = 5

    /// The repeats seen: rater, task, choice (`RoutingEvent` numbers).
    public private(set) var repeats: [(rater: Int32, task: Int32, choice: Int32)] = []

    public init() {}

    /// Keeps a repeat label (on a task of the batch); other events change nothing here.
    public mutating func apply(_ event: RoutingEvent) {
        guard case .label(let choice, _) = event.kind, event.isRepeat, event.task >= 0 else { return }
        repeats.append((event.rater, event.task, choice))
    }

    /// Counts per rater name, each repeat against the rater's effective label of its task in
    /// `ledger` (fed the same events).
    public func byRater(_ names: RoutingNames, ledger: BatchLedger) -> [String: Counts] {
        let named = repeats.map { (rater: $0.rater, task: $0.task, choice: names.choices[Int($0.choice)]) }
        let counts = Self.counts(repeats: named) { rater, task in
            ledger.choice(of: Int(task), by: rater).map { names.choices[Int($0)] }
        }
        return Dictionary(uniqueKeysWithValues: counts.map { (names.raters[Int($0.key)], $0.value) })
    }

    /// Counts per rater for `repeats`, given each (rater, task)'s effective label: the one
    /// computation behind `status` and `report`. A repeat of a task without one is left out.
    public static func counts<Rater: Hashable, Task>(repeats: [(rater: Rater, task: Task, choice: String)],
                                                     effective: (Rater, Task) -> String?) -> [Rater: Counts] {
        var result: [Rater: Counts] = [:]
        for item in repeats {
            guard let earlier = effective(item.rater, item.task) else { continue }
            var counts = result[item.rater, default: Counts()]
            counts.repeats += 1
            if earlier == item.choice { counts.same += 1 }
            if let a = side(earlier), let b = side(item.choice) {
                counts.decisive += 1
                if a == b { counts.decisiveSame += 1 }
            }
            result[item.rater] = counts
        }
        return result
    }

    /// Whether a rater's self-consistency is low enough to flag.
    public static func isLow(_ counts: Counts) -> Bool {
        guard counts.repeats >= flagMinimumRepeats, case .interval(let ci) = counts.selfConsistency else { return false }
        return ci.upper < flagBelow
    }

    /// The canonical side a choice favours: A, B, or nil for tie and both-bad.
    static func side(_ choice: String) -> Character? {
        switch choice {
        case "A", "A>>B", "A>B": return "A"
        case "B", "B>>A", "B>A": return "B"
        default: return nil
        }
    }
}
