/// The `prompt`, `chosen` and `rejected` of one DPO row, in TRL's standard (strings) or
/// conversational (message lists) format.
public struct DPOTexts: Sendable, Equatable {
    public var prompt: JSONValue
    public var chosen: JSONValue
    public var rejected: JSONValue

    /// Why a task cannot give a DPO row.
    public enum Problem: Error, Sendable, Equatable {
        /// The two conversations differ from their first message, so there is no shared prompt.
        case noSharedPrompt
        /// One conversation is the other's start (or they are equal): nothing is left to prefer.
        case nothingToCompare
    }

    /// Whether the task can only be written in the conversational format (its prompt is a
    /// message list, or it is a conversation-form task).
    public static func needsConversational(_ content: TaskContent) -> Bool {
        switch content {
        case .singleTurn(.text, _, _): return false
        case .singleTurn(.messages, _, _), .conversation: return true
        }
    }

    /// The row's texts with `chosen` as the winner; `conversational` writes a plain-text task
    /// as one user message and one assistant message per side, so that a file mixing forms
    /// still has one type per column (TRL and `datasets` need that).
    public static func make(_ content: TaskContent, chosen: ResponseSide,
                            conversational: Bool) -> Result<DPOTexts, Problem> {
        switch content {
        case .singleTurn(let prompt, let a, let b):
            let (win, lose) = chosen == .a ? (a, b) : (b, a)
            if case .text(let text) = prompt, !conversational {
                return .success(DPOTexts(prompt: .string(text), chosen: .string(win), rejected: .string(lose)))
            }
            let promptJSON: JSONValue
            switch prompt {
            case .text(let text): promptJSON = .array([ExportedTexts.json(Message(role: "user", content: text))])
            case .messages(let messages): promptJSON = ExportedTexts.json(messages[...])
            }
            return .success(DPOTexts(prompt: promptJSON, chosen: assistant(win), rejected: assistant(lose)))
        case .conversation(let a, let b):
            let shared = ExportedTexts.sharedPrefixCount(a, b)
            guard shared > 0 else { return .failure(.noSharedPrompt) }
            guard shared < a.count && shared < b.count else { return .failure(.nothingToCompare) }
            let (win, lose) = chosen == .a ? (a, b) : (b, a)
            return .success(DPOTexts(prompt: ExportedTexts.json(a[..<shared]),
                                     chosen: ExportedTexts.json(win[shared...]),
                                     rejected: ExportedTexts.json(lose[shared...])))
        }
    }

    private static func assistant(_ text: String) -> JSONValue {
        .array([ExportedTexts.json(Message(role: "assistant", content: text))])
    }
}
