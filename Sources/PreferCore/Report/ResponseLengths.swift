/// The length of the judged text of each item's two responses, in Unicode scalars (what
/// Python's `len` counts): `response_a`/`response_b`, or the content of the last assistant
/// message of `conversation_a`/`conversation_b` (the reply being judged). -1: unknown.
struct ResponseLengths: Sendable, Equatable {
    var a: [Int32]
    var b: [Int32]

    /// Which side's text is longer by more than `LengthBias.equalBand` characters (`.a` or
    /// `.b`), or nil when the two are within the band or a length is unknown.
    func longer(item i: Int) -> Verdict? {
        guard i < a.count, a[i] >= 0, b[i] >= 0 else { return nil }
        let d = Int(a[i]) - Int(b[i])
        if d > LengthBias.equalBand { return .a }
        if d < -LengthBias.equalBand { return .b }
        return nil
    }

    /// The judged lengths of one validated task line, counted on the line's bytes
    /// (`JSONStringDecoder.scalarCount`): no text is decoded and no value tree is built.
    static func judged(_ line: UnsafeRawBufferPointer) -> (Int32, Int32) {
        let members = JSONSpans.members(line, ofObjectIn: 0..<line.count)
        return judged(line, members, TaskLineSchema.layout(line, members))
    }

    /// The judged lengths of a `response_a`/`response_b` task as the validator counted them
    /// while it checked the line (`JSONMemberSpan.valueScalars`), without reading the line
    /// again; nil for a conversation task (its judged text is nested: `judged` finds it) and
    /// for spans that were not counted.
    static func counted(_ members: [JSONMemberSpan], _ layout: TaskLineSchema.Layout) -> (Int32, Int32)? {
        guard layout[.conversationA] == nil, layout[.conversationB] == nil else { return nil }
        // nil: a string the validator did not count; -1: no string to count.
        func count(_ field: TaskLineSchema.Field) -> Int32? {
            guard let k = layout[field], members[k].kind == .string else { return -1 }
            return members[k].valueScalars >= 0 ? members[k].valueScalars : nil
        }
        guard let a = count(.responseA), let b = count(.responseB) else { return nil }
        return (a, b)
    }

    /// `judged` of a line whose top-level members and layout are at hand (the validator's,
    /// while the task file is scanned): the counts it made where there are any.
    static func judged(_ line: UnsafeRawBufferPointer, _ members: [JSONMemberSpan],
                       _ layout: TaskLineSchema.Layout) -> (Int32, Int32) {
        if let counted = counted(members, layout) { return counted }
        func text(_ field: TaskLineSchema.Field) -> Int32 {
            guard let k = layout[field], members[k].kind == .string else { return -1 }
            return Int32(clamping: JSONStringDecoder.scalarCount(ofValue: line, members[k].valueRange))
        }
        func lastAssistant(_ field: TaskLineSchema.Field) -> Int32 {
            guard let k = layout[field], members[k].kind == .array else { return -1 }
            for message in JSONSpans.elements(line, ofArrayIn: members[k].valueRange).reversed()
            where message.kind == .object {
                let fields = JSONSpans.members(line, ofObjectIn: message.range)
                guard let role = fields.first(where: { $0.keyEquals("role", in: line) }), role.kind == .string,
                      JSONStringDecoder.decodeValue(line, role.valueRange) == "assistant" else { continue }
                // A message without a string content judges an empty text (length 0).
                guard let content = fields.first(where: { $0.keyEquals("content", in: line) }),
                      content.kind == .string else { return 0 }
                return Int32(clamping: JSONStringDecoder.scalarCount(ofValue: line, content.valueRange))
            }
            return -1
        }
        if layout[.conversationA] != nil { return (lastAssistant(.conversationA), lastAssistant(.conversationB)) }
        return (text(.responseA), text(.responseB))
    }
}
