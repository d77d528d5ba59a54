/// The router's answer: which task to put on screen next, and how.
public struct BatchPick: Sendable, Equatable {
    public var index: Int
    /// A swapped-side repeat of a task this rater labeled earlier (never announced).
    public var isRepeat: Bool
    /// Which response goes left; nil for the usual `LeftSide` rule.
    public var leftIsA: Bool?

    public init(index: Int, isRepeat: Bool = false, leftIsA: Bool? = nil) {
        self.index = index
        self.isRepeat = isRepeat
        self.leftIsA = leftIsA
    }
}
