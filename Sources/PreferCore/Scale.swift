/// The set of choices a rater picks from (SPEC §5). Choices are always canonical (A/B as in
/// the task file), never screen terms.
public enum Scale: String, Sendable, CaseIterable, Equatable {
    case pairwise
    case likert5

    /// The choice values in key order: `1`, `2`, … pick `values[0]`, `values[1]`, ….
    public var values: [String] {
        switch self {
        case .pairwise: return ["A", "B", "tie", "both_bad"]
        case .likert5: return ["A>>B", "A>B", "tie", "B>A", "B>>A"]
        }
    }

    /// Whether the values have an order (and numeric values for interval statistics).
    public var isOrdered: Bool { self == .likert5 }

    /// Choices the scale offers besides its values: recorded and counted like any choice, but
    /// not on the values' line, so agreement statistics set them aside (likert5's `both_bad`,
    /// the same string as pairwise's; docs/REPORT.md). Pairwise has none: its four values are
    /// all categories.
    public var setAsideChoices: [String] {
        switch self {
        case .pairwise: return []
        case .likert5: return ["both_bad"]
        }
    }

    /// Every choice a rater on this scale can record: the values, then the set-aside choices.
    public var choices: [String] { values + setAsideChoices }

    /// The choices a sitting may record, from the `scale` its `session_start` line lists (the
    /// values): a known scale's list gains its set-aside choices, any other list is taken as is.
    public static func choices(recorded values: [String]) -> [String] {
        allCases.first { $0.values == values }?.choices ?? values
    }
}
