/// How the effective labels of one item split across choices, with the majority the exports
/// report (SPEC §9): the strict plurality, or none when the top count is shared.
public struct ChoiceTally: Sendable, Equatable {
    /// Labels per choice string, exactly as the raters' sessions wrote them.
    public private(set) var counts: [String: Int] = [:]
    /// Number of labels.
    public private(set) var total = 0

    public init() {}

    /// The tally of `choices`.
    public init<S: Sequence>(_ choices: S) where S.Element == String {
        for choice in choices { add(choice) }
    }

    /// Counts one more label.
    public mutating func add(_ choice: String) {
        counts[choice, default: 0] += 1
        total += 1
    }

    /// Labels of `choice` (0 when none).
    public func count(of choice: String) -> Int { counts[choice] ?? 0 }

    /// The choice with strictly more labels than every other, or nil (no labels, or a tie
    /// for first place such as 2 A / 2 B).
    public var majority: String? {
        var best: String?
        var bestCount = 0
        var shared = false
        for (choice, count) in counts {
            if count > bestCount {
                best = choice
                bestCount = count
                shared = false
            } else if count == bestCount {
                shared = true
            }
        }
        return shared ? nil : best
    }

    /// The share of labels equal to the majority, or nil when there is no majority.
    public var agreement: Double? {
        guard let majority else { return nil }
        return Double(count(of: majority)) / Double(total)
    }
}
