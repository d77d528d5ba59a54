/// An item's labels read as a preference between A and B, the basis of a DPO row.
///
/// Every choice is read as its `Verdict`: `A`, `A>B` and `A>>B` are votes for A, `B`, `B>A`
/// and `B>>A` votes for B, `tie` and `both_bad` their own kinds; any other choice string is
/// a class of its own that prefers neither side. The winner is the strict plurality of
/// these classes, so 2 A / 1 B / 1 both_bad prefers A while 2 A / 2 both_bad prefers nothing.
public struct PreferenceVotes: Sendable, Equatable {
    public private(set) var a = 0
    public private(set) var b = 0
    public private(set) var tie = 0
    public private(set) var bothBad = 0
    /// Labels with choices that are not about A versus B, per choice.
    public private(set) var other: [String: Int] = [:]
    /// Every label counted.
    public private(set) var total = 0

    /// The votes of `choices`.
    public init<S: Sequence>(_ choices: S) where S.Element == String {
        for choice in choices {
            total += 1
            switch Verdict(choice: choice) {
            case .a: a += 1
            case .b: b += 1
            case .tie: tie += 1
            case .bothBad: bothBad += 1
            case .other: other[choice, default: 0] += 1
            }
        }
    }

    /// What the strict plurality of the labels says.
    public enum Outcome: Sendable, Equatable {
        case prefers(ResponseSide)
        case tie
        case bothBad
        /// A choice outside A/B/tie/both_bad has the most labels.
        case other
        /// No class has strictly more labels than every other (or there are no labels).
        case split
    }

    /// The outcome of the vote.
    public var outcome: Outcome {
        var classes: [(Outcome, Int)] = [(.prefers(.a), a), (.prefers(.b), b), (.tie, tie), (.bothBad, bothBad)]
        for count in other.values { classes.append((.other, count)) }
        let top = classes.map(\.1).max() ?? 0
        let leaders = classes.filter { $0.1 == top }
        guard top > 0, leaders.count == 1 else { return .split }
        return leaders[0].0
    }

    /// Votes for the winning class (0 when split).
    public var winningCount: Int {
        switch outcome {
        case .prefers(.a): return a
        case .prefers(.b): return b
        case .tie: return tie
        case .bothBad: return bothBad
        case .other: return other.values.max() ?? 0
        case .split: return 0
        }
    }

    /// The share of labels in the winning class (0 when split or empty).
    public var agreement: Double {
        total == 0 ? 0 : Double(winningCount) / Double(total)
    }
}
