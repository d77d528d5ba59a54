/// What decided an item's outcome in the `aggregate` and `dpo` exports (`decided_by`): a
/// lead's verdict (SPEC §12), which goes over the majority, or the labels' strict majority.
public enum DecidedBy: String, Sendable, Equatable {
    case adjudication
    case majority
}
