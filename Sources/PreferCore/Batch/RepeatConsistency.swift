/// Each rater's agreement with themselves on batch repeats (SPEC §10): a repeat re-shows a
/// task the rater labeled before, sides swapped. Self-consistency is the share of repeats
/// whose canonical choice equals the rater's first label; position consistency is the same
/// share over decisive pairs only (first label and repeat both A or B, or both on one side of
/// a likert scale), where a rater who follows the screen side instead of the content flips.
/// Fed with the same events as the router, so `status` and `report` count alike.
public struct RepeatConsistency: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var repeats = 0
        public var same = 0
        public var decisive = 0
        public var decisiveSame = 0

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

    public private(set) var byRater: [String: Counts] = [:]
    /// Each rater's first (effective) label per task.
    private var first: [String: [String: String]] = [:]

    public init() {}

    public mutating func apply(_ event: RoutingEvent) {
        switch event.kind {
        case .label(let choice, _):
            if event.isRepeat {
                guard let earlier = first[event.rater]?[event.task] else { return }
                var counts = byRater[event.rater, default: Counts()]
                counts.repeats += 1
                if earlier == choice { counts.same += 1 }
                if let a = Self.side(earlier), let b = Self.side(choice) {
                    counts.decisive += 1
                    if a == b { counts.decisiveSame += 1 }
                }
                byRater[event.rater] = counts
            } else {
                first[event.rater, default: [:]][event.task] = choice
            }
        case .undo where !event.isRepeat:
            first[event.rater]?[event.task] = nil
        default:
            break
        }
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
