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
}
