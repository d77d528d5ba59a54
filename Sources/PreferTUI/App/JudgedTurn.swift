/// Which user turn of a multi-turn conversation the rater is judging the reply to, e.g.
/// turn 2 of 2 for an MT-Bench second-turn task; shown on the prompt pane's border.
public struct JudgedTurn: Sendable, Equatable {
    /// 1-based number of the judged question among the conversation's user messages.
    public var number: Int
    /// How many user messages the conversation holds.
    public var count: Int

    public init(number: Int, count: Int) {
        self.number = number
        self.count = count
    }

    /// `turn 2 of 2`.
    public var text: String { "turn \(number) of \(count)" }
}
