/// Labels already turned into integers, for building a `RatingMatrix` from millions of labels
/// without hashing a string per label (`RatingMatrix(coded:categories:)`).
///
/// Names may come in any order: the matrix sorts items, raters and models by name itself. Every
/// item listed must have at least one label; a rater may have at most one label per item.
public struct CodedLabels: Sendable, Equatable {
    /// Marks a label without recorded milliseconds.
    public static let noMilliseconds = Int.min

    /// Item (task) names; `item` indexes into it.
    public var itemNames: [String] = []
    /// Rater names; `rater` indexes into it.
    public var raterNames: [String] = []
    /// Distinct choice strings; `choice` indexes into it.
    public var choiceNames: [String] = []
    /// Per label: item, rater and choice codes.
    public var item: [Int32] = []
    public var rater: [Int32] = []
    public var choice: [Int32] = []
    /// Per label: 0 when A was on the left, 1 when B was, -1 when not recorded.
    public var left: [Int8] = []
    /// Per label: milliseconds, or `CodedLabels.noMilliseconds`.
    public var milliseconds: [Int] = []
    /// Model names; `itemModelA`/`itemModelB` index into it.
    public var modelNames: [String] = []
    /// Per item (same index as `itemNames`): its models, -1 when the task names none; may be
    /// empty when no task file is known.
    public var itemModelA: [Int32] = []
    public var itemModelB: [Int32] = []
    /// Per item: the gold choice, when the item is a gold item; may be empty.
    public var itemGold: [String?] = []
    /// Per item: the length in characters of response A's and B's judged text, -1 when
    /// unknown; may be empty (no task file).
    public var itemLengthA: [Int32] = []
    public var itemLengthB: [Int32] = []
    /// Per item, with `report --by KEY`: the task's value of KEY (nil: none); may be empty.
    public var itemGroup: [String?] = []

    public init() {}
}
