extension TaskLineSchema {
    /// Builds the full task from one checked line (`check` returned `layout` for these spans).
    static func decode(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan], _ layout: Layout,
                       sha256: String, line: Int) -> PreferenceTask {
        func text(_ field: Field) -> String? {
            guard let index = layout[field], members[index].kind == .string else { return nil }
            return JSONStringDecoder.decodeValue(bytes, members[index].valueRange)
        }
        func messages(_ field: Field) -> [Message] {
            guard let index = layout[field] else { return [] }
            return decodeMessages(bytes, members[index].valueRange)
        }

        let content: TaskContent
        if layout[.conversationA] != nil {
            content = .conversation(a: messages(.conversationA), b: messages(.conversationB))
        } else {
            let prompt: Prompt
            if let index = layout[.prompt], members[index].kind == .array {
                prompt = .messages(messages(.prompt))
            } else {
                prompt = .text(text(.prompt) ?? "")
            }
            content = .singleTurn(prompt: prompt, responseA: text(.responseA) ?? "", responseB: text(.responseB) ?? "")
        }
        var extra: [JSONMember] = []
        for (index, member) in members.enumerated() where !layout.isKnown(index) {
            let value = JSONValueBuilder.build(bytes, from: member.valueRange.lowerBound).value
            extra.append(JSONMember(member.key(in: bytes), value))
        }
        return PreferenceTask(id: text(.id) ?? "", content: content, modelA: text(.modelA), modelB: text(.modelB),
                              extra: extra, sha256: sha256, line: line)
    }

    /// The messages of a checked array of `{"role","content"}` objects; other keys of a
    /// message are not part of `Message` and are left out.
    private static func decodeMessages(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> [Message] {
        JSONSpans.elements(bytes, ofArrayIn: range).map { element in
            var role = ""
            var content = ""
            for part in JSONSpans.members(bytes, ofObjectIn: element.range) where part.kind == .string {
                if part.keyEquals("role", in: bytes) {
                    role = JSONStringDecoder.decodeValue(bytes, part.valueRange)
                } else if part.keyEquals("content", in: bytes) {
                    content = JSONStringDecoder.decodeValue(bytes, part.valueRange)
                }
            }
            return Message(role: role, content: content)
        }
    }
}
