/// The `prompt`, `response_a` and `response_b` of the `labels` and `aggregate` exports: a
/// single-turn task keeps its form; a conversation is split by `Conversation.sharedPrefix`.
enum ExportContent {
    /// Appends `"prompt":…,"response_a":…,"response_b":…`.
    static func appendMembers(_ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #""prompt":"#)
        switch task.content {
        case .singleTurn(let prompt, let a, let b):
            switch prompt {
            case .text(let text): out.append(contentsOf: text)
            case .messages(let messages): MessagePieces.appendList(messages[...], to: &out)
            }
            out.append(literal: #","response_a":"#)
            out.append(contentsOf: a)
            out.append(literal: #","response_b":"#)
            out.append(contentsOf: b)
        case .conversation(let a, let b):
            let shared = MessagePieces.sharedPrefix(a, b)
            MessagePieces.appendList(a[..<shared], to: &out)
            out.append(literal: #","response_a":"#)
            MessagePieces.appendList(a[shared...], to: &out)
            out.append(literal: #","response_b":"#)
            MessagePieces.appendList(b[shared...], to: &out)
        }
    }


    /// Appends `"model_a":…,"model_b":…,` and the members above: what every line of a task
    /// shares in the `labels` and `aggregate` exports.
    static func appendModelsAndTexts(_ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #""model_a":"#)
        out.append(contentsOf: task.modelA)
        out.append(literal: #","model_b":"#)
        out.append(contentsOf: task.modelB)
        out.append(UInt8(ascii: ","))
        appendMembers(task, to: &out)
    }

    /// Appends `,"meta":…}` and the line's end.
    static func appendMetaAndEnd(_ task: TaskPieces, to out: inout [UInt8]) {
        out.append(literal: #","meta":"#)
        out.append(contentsOf: task.meta)
        out.append(literal: "}\n")
    }
}
