/// The `prompt`, `response_a` and `response_b` of the `labels` and `aggregate` exports, in
/// the shape `ExportedTexts` describes (a conversation is split where the two sides differ).
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
            let shared = MessagePieces.sharedPrefixCount(a, b)
            MessagePieces.appendList(a[..<shared], to: &out)
            out.append(literal: #","response_a":"#)
            MessagePieces.appendList(a[shared...], to: &out)
            out.append(literal: #","response_b":"#)
            MessagePieces.appendList(b[shared...], to: &out)
        }
    }

}
