/// The JSON object of one made task.
enum TaskLine {
    /// `id`, the content (single-turn for turn 1, conversation form after), `model_a`,
    /// `model_b`, then the kept keys `category` (when known), `question_id` and `turn`.
    static func make(id: String, question: BenchmarkQuestion, turn: Int, a: ModelAnswer, b: ModelAnswer) -> JSONValue {
        var members = [JSONMember("id", .string(id))]
        if turn == 1 {
            members.append(JSONMember("prompt", .string(question.turns[0])))
            members.append(JSONMember("response_a", .string(a.turns[0])))
            members.append(JSONMember("response_b", .string(b.turns[0])))
        } else {
            members.append(JSONMember("conversation_a", conversation(question, a, turns: turn)))
            members.append(JSONMember("conversation_b", conversation(question, b, turns: turn)))
        }
        members.append(JSONMember("model_a", .string(a.model)))
        members.append(JSONMember("model_b", .string(b.model)))
        if let category = question.category { members.append(JSONMember("category", .string(category))) }
        members.append(JSONMember("question_id", question.questionID))
        members.append(JSONMember("turn", .integer(turn)))
        return .object(members)
    }

    /// The question's first `turns` user turns, each followed by this model's own reply.
    private static func conversation(_ question: BenchmarkQuestion, _ answer: ModelAnswer, turns: Int) -> JSONValue {
        var messages: [Message] = []
        for k in 0..<turns {
            messages.append(Message(role: "user", content: question.turns[k]))
            messages.append(Message(role: "assistant", content: answer.turns[k]))
        }
        return .array(messages.map {
            .object([JSONMember("role", .string($0.role)), JSONMember("content", .string($0.content))])
        })
    }
}
