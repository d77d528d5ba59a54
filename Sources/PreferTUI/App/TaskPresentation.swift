import PreferCore

extension LoadedTask {
    /// Builds the screen's view of a task: the prompt pane gets the shared context and each
    /// response pane its own text. For a conversation-form task the prompt pane gets the
    /// messages both conversations share (usually the first user turn) and each pane the rest
    /// of its own conversation, so the difference is what the rater reads side by side.
    public init(task: PreferenceTask, index: Int, leftIsA: Bool) {
        let prompt: String
        let a: String
        let b: String
        switch task.content {
        case .singleTurn(let p, let responseA, let responseB):
            switch p {
            case .text(let text): prompt = text
            case .messages(let messages): prompt = LoadedTask.transcript(messages)
            }
            a = responseA
            b = responseB
        case .conversation(let conversationA, let conversationB):
            var shared = 0
            while shared < min(conversationA.count, conversationB.count) - 1,
                  conversationA[shared] == conversationB[shared] {
                shared += 1
            }
            prompt = shared == 0 ? "(The two conversations share no opening message.)"
                : LoadedTask.transcript(Array(conversationA[..<shared]))
            a = LoadedTask.transcript(Array(conversationA[shared...]))
            b = LoadedTask.transcript(Array(conversationB[shared...]))
        }
        self.init(index: index, id: task.id, sha256: task.sha256, promptText: prompt,
                  responseA: a, responseB: b, leftIsA: leftIsA)
    }

    /// Messages as Markdown, each under its role in bold, so turns are told apart without colour.
    static func transcript(_ messages: [Message]) -> String {
        messages.map { "**\($0.role):**\n\n\($0.content)" }.joined(separator: "\n\n")
    }
}
