/// How a batch orders the tasks of each rater (SPEC §10 `order`).
public enum BatchOrder: String, Sendable, Equatable, CaseIterable {
    /// A deterministic shuffle per rater, seeded from (batch name, rater): `BatchShuffle`.
    case shuffled
    /// The task file's order for everyone.
    case file
}
