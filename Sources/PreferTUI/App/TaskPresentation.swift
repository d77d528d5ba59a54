import PreferCore

extension LoadedTask {
    /// Builds the screen's view of a task: the prompt pane gets the question and each
    /// response pane its own text.
    ///
    /// For a conversation-form task what is judged is each side's last assistant reply to
    /// the user message before it (MT-Bench turn 2: the second question). When a
    /// conversation of several user turns ends so on both sides, with the same question,
    /// the prompt pane shows that question, the turn it is
    /// ("turn 2 of 2") goes on its border, and each response pane holds its whole
    /// conversation but opens at the reply, the earlier turns above it. Other conversations
    /// (one turn, or sides that asked different questions) show the part they share in the
    /// prompt pane and the rest of each conversation in its pane.
    public init(task: PreferenceTask, index: Int, leftIsA: Bool) {
        switch task.content {
        case .singleTurn(let p, let responseA, let responseB):
            let prompt: String
            switch p {
            case .text(let text): prompt = text
            case .messages(let messages): prompt = LoadedTask.transcript(messages)
            }
            self.init(index: index, id: task.id, sha256: task.sha256, promptText: prompt,
                      responseA: responseA, responseB: responseB, leftIsA: leftIsA)
        case .conversation(let conversationA, let conversationB):
            if let a = JudgedReply(conversationA), let b = JudgedReply(conversationB), a.turnCount > 1,
               conversationA[a.question] == conversationB[b.question] {
                let turn = JudgedTurn(number: a.turnNumber, count: a.turnCount)
                self.init(index: index, id: task.id, sha256: task.sha256,
                          promptText: conversationA[a.question].content,
                          responseA: LoadedTask.transcript(Array(conversationA[a.reply...])),
                          responseB: LoadedTask.transcript(Array(conversationB[b.reply...])),
                          leftIsA: leftIsA,
                          earlierA: LoadedTask.transcript(Array(conversationA[..<a.reply])),
                          earlierB: LoadedTask.transcript(Array(conversationB[..<b.reply])),
                          judgedTurn: turn)
                return
            }
            let shared = Conversation.sharedPrefix(conversationA, conversationB)
            let prompt = shared == 0 ? "(The two conversations share no opening message.)"
                : LoadedTask.transcript(Array(conversationA[..<shared]))
            self.init(index: index, id: task.id, sha256: task.sha256, promptText: prompt,
                      responseA: LoadedTask.transcript(Array(conversationA[shared...])),
                      responseB: LoadedTask.transcript(Array(conversationB[shared...])), leftIsA: leftIsA)
        }
    }

    /// Messages as Markdown, each under its role in bold, so turns are told apart without colour.
    static func transcript(_ messages: [Message]) -> String {
        messages.map { "**\($0.role):**\n\n\($0.content)" }.joined(separator: "\n\n")
    }
}
