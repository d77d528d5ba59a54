/// How the effective labels of one item split across choices, with the majority the exports
/// report (SPEC §9): the strict plurality, or none when the top count is shared.
public struct ChoiceTally: Sendable, Equatable {
    /// The distinct choices in order of first appearance, and the labels of each: an item has
    /// a handful of labels, so a list beats a dictionary (an export tallies every item).
    public private(set) var choices: [String] = []
    private var tallies: [Int] = []
    /// Number of labels.
    public private(set) var total = 0

    public init() {}

    /// The tally of `choices`.
    public init<S: Sequence>(_ choices: S) where S.Element == String {
        for choice in choices { add(choice) }
    }

    /// Labels per choice string, exactly as the raters' sessions wrote them.
    public var counts: [String: Int] { Dictionary(uniqueKeysWithValues: zip(choices, tallies)) }

    /// Counts one more label.
    public mutating func add(_ choice: String) {
        if let k = choices.firstIndex(of: choice) {
            tallies[k] += 1
        } else {
            choices.append(choice)
            tallies.append(1)
        }
        total += 1
    }

    /// Labels of `choice` (0 when none).
    public func count(of choice: String) -> Int { choices.firstIndex(of: choice).map { tallies[$0] } ?? 0 }

    /// The choice with strictly more labels than every other, or nil (no labels, or a tie
    /// for first place such as 2 A / 2 B).
    public var majority: String? {
        var best = -1
        var shared = false
        for k in tallies.indices {
            if best < 0 || tallies[k] > tallies[best] {
                best = k
                shared = false
            } else if tallies[k] == tallies[best] {
                shared = true
            }
        }
        return best >= 0 && !shared ? choices[best] : nil
    }

    /// The share of labels equal to the majority, or nil when there is no majority.
    public var agreement: Double? {
        guard let majority else { return nil }
        return Double(count(of: majority)) / Double(total)
    }

    public static func == (a: ChoiceTally, b: ChoiceTally) -> Bool { a.counts == b.counts && a.total == b.total }
}
