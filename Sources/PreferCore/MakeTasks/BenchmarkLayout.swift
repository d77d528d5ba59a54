/// The two layouts of model outputs `make-tasks` reads (SPEC §6).
public enum BenchmarkLayout: String, Sendable, Equatable {
    /// FastChat's MT-Bench: questions with `question_id`, `category`, `turns`; answers with
    /// `question_id`, `model_id`, `choices[0].turns`.
    case mtBench = "MT-Bench"
    /// AlpacaEval: records of `instruction`, `output`, `generator`, joined on `instruction`.
    case alpacaEval = "AlpacaEval"
}

/// One benchmark question (MT-Bench) or instruction (AlpacaEval).
public struct BenchmarkQuestion: Sendable, Equatable {
    /// What answers are joined on: the `question_id` as written (MT-Bench) or the instruction.
    public var key: String
    /// The part of task ids that names the question: `81` in `mt81-t1-…`, `7` in `ae7-…`.
    public var idText: String
    /// Written to tasks as `question_id`: the number as it stands in the file (MT-Bench) or
    /// the instruction's 1-based position (AlpacaEval).
    public var questionID: JSONValue
    /// `category` (MT-Bench) or `dataset` (AlpacaEval), when the record has one.
    public var category: String?
    /// The user turns, in order.
    public var turns: [String]
    /// `FILE:LINE` of the record.
    public var location: String

    public init(key: String, idText: String, questionID: JSONValue, category: String?, turns: [String], location: String) {
        self.key = key
        self.idText = idText
        self.questionID = questionID
        self.category = category
        self.turns = turns
        self.location = location
    }
}

/// One model's answer to one question.
public struct ModelAnswer: Sendable, Equatable {
    /// The question's `key`.
    public var questionKey: String
    public var model: String
    /// The model's reply to each turn, in order.
    public var turns: [String]
    /// Where the record is.
    public var file: String
    public var line: Int

    public init(questionKey: String, model: String, turns: [String], file: String, line: Int) {
        self.questionKey = questionKey
        self.model = model
        self.turns = turns
        self.file = file
        self.line = line
    }

    /// `FILE:LINE` of the record.
    public var location: String { "\(displayedPath(file)):\(line)" }
}
