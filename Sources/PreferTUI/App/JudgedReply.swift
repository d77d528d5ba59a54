import PreferCore

/// Where the judged reply of one conversation is: its last message, from the assistant,
/// after a user message (the question judged). Nil when the conversation does not end so.
struct JudgedReply {
    var question: Int
    var reply: Int
    var turnNumber: Int
    var turnCount: Int

    init?(_ messages: [Message]) {
        guard let last = messages.last, last.role == "assistant",
              let question = messages.dropLast().lastIndex(where: { $0.role == "user" }) else { return nil }
        self.question = question
        self.reply = messages.count - 1
        let users = messages.indices.filter { messages[$0].role == "user" }
        self.turnNumber = users.filter { $0 <= question }.count
        self.turnCount = users.count
    }
}
