/// A task as the exports write it: every part already serialized as cat-safe JSON, so that a
/// row is assembled by copying bytes.
///
/// Made straight from the task line's bytes (`TaskLinePieces`): strings keep the escapes they
/// have in the task file and only strings holding a hidden character are escaped again. A
/// differential test holds the rows to the task file as `JSONSerialization` reads it.
struct TaskPieces: Sendable {
    var id: String
    /// `model_a`/`model_b` as JSON: a string, or `null` when the task names none.
    var modelA: [UInt8]
    var modelB: [UInt8]
    /// SHA-256 (hex) of the task's trimmed line, compared with each label's `task_sha256`.
    var sha256: String
    var content: Content
    /// The task's other keys as one JSON object (`{}` when none), for `meta`.
    var meta: [UInt8]

    enum Content: Sendable {
        /// `prompt` is a JSON string or a message list; the responses are JSON strings.
        case singleTurn(prompt: Prompt, responseA: [UInt8], responseB: [UInt8])
        case conversation(a: [MessagePieces], b: [MessagePieces])
    }

    enum Prompt: Sendable {
        case text([UInt8])
        case messages([MessagePieces])
    }

    init(id: String, modelA: [UInt8], modelB: [UInt8], sha256: String, content: Content, meta: [UInt8]) {
        self.id = id
        self.modelA = modelA
        self.modelB = modelB
        self.sha256 = sha256
        self.content = content
        self.meta = meta
    }

    /// Whether the DPO row of this task must use message lists.
    var needsConversational: Bool {
        if case .singleTurn(.text, _, _) = content { return false }
        return true
    }
}
