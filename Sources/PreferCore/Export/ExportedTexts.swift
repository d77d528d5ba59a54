/// A task's prompt and responses in the shape exports write them.
///
/// Single-turn tasks keep their form: `prompt` is the string or the message list of the task
/// file, the responses are strings. A conversation-form task is split where the two
/// conversations first differ: `prompt` is the list of messages both share at the start and
/// each response is the list of that side's remaining messages, so `prompt + response_a` is
/// `conversation_a` exactly (the same split TRL makes for an implicit prompt).
public struct ExportedTexts: Sendable, Equatable {
    public var prompt: JSONValue
    public var responseA: JSONValue
    public var responseB: JSONValue

    /// The export shape of `content`.
    public init(_ content: TaskContent) {
        switch content {
        case .singleTurn(let prompt, let a, let b):
            self.prompt = Self.json(prompt)
            responseA = .string(a)
            responseB = .string(b)
        case .conversation(let a, let b):
            let shared = Self.sharedPrefixCount(a, b)
            prompt = Self.json(a[..<shared])
            responseA = Self.json(a[shared...])
            responseB = Self.json(b[shared...])
        }
    }

    /// How many leading messages two conversations have in common (role and content equal).
    public static func sharedPrefixCount(_ a: [Message], _ b: [Message]) -> Int {
        var count = 0
        while count < a.count && count < b.count && a[count] == b[count] { count += 1 }
        return count
    }

    /// A prompt as JSON: a string, or a list of messages.
    public static func json(_ prompt: Prompt) -> JSONValue {
        switch prompt {
        case .text(let text): return .string(text)
        case .messages(let messages): return json(messages[...])
        }
    }

    /// Messages as a JSON array of `{"role","content"}` objects, in that key order.
    public static func json(_ messages: ArraySlice<Message>) -> JSONValue {
        .array(messages.map(json))
    }

    /// One message as `{"role":…,"content":…}`.
    public static func json(_ message: Message) -> JSONValue {
        .object([JSONMember("role", .string(message.role)), JSONMember("content", .string(message.content))])
    }
}
