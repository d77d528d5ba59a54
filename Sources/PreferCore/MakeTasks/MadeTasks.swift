/// A question's answer that a planned comparison needed but no input has.
public struct MissingAnswer: Sendable, Equatable {
    /// The question's `idText` (`81`, or an AlpacaEval position).
    public var question: String
    public var model: String
    public var turn: Int
    /// How many comparisons were left out for it (0 under `sample:N`, which draws only
    /// among models that answered).
    public var tasksLeftOut: Int

    /// A sentence for stderr.
    public var description: String {
        let start = "question \(question), turn \(turn): no answer from \(JSONWriter.quoted(model)); "
        if tasksLeftOut == 0 { return start + "it was not drawn for this question" }
        return start + Counted.noun(tasksLeftOut, "comparison") + " left out"
    }
}

/// The task file `make-tasks` built, with what the lead should know about it.
public struct MadeTasks: Sendable, Equatable {
    /// The task file's bytes: one JSON line per task.
    public var bytes: [UInt8]
    /// Every task id, in file order.
    public var ids: [String]
    /// Tasks in conversation form (turn 2 and later).
    public var conversationCount: Int
    /// Per model: tasks where it is A, and where it is B.
    public var sides: [String: (a: Int, b: Int)]
    /// Answers that were needed and not found, in question order.
    public var missing: [MissingAnswer]
    /// Questions that have fewer turns than `--turns` asks for (their `idText`).
    public var questionsWithoutTurn: [(question: String, turn: Int)]

    public static func == (lhs: MadeTasks, rhs: MadeTasks) -> Bool {
        lhs.bytes == rhs.bytes && lhs.ids == rhs.ids && lhs.missing == rhs.missing
    }
}
