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

    /// The judged lengths of one validated task line.
    static func judged(_ line: UnsafeRawBufferPointer) -> (Int32, Int32) {
        let members = JSONSpans.members(line, ofObjectIn: 0..<line.count)
        let layout = TaskLineSchema.layout(line, members)
        func text(_ field: TaskLineSchema.Field) -> Int32 {
            guard let k = layout[field], members[k].kind == .string else { return -1 }
            return scalars(line, members[k])
        }
        func lastAssistant(_ field: TaskLineSchema.Field) -> Int32 {
            guard let k = layout[field], members[k].kind == .array else { return -1 }
            let value = JSONValueBuilder.build(line, from: members[k].valueRange.lowerBound).value
            guard case .array(let messages) = value else { return -1 }
            for message in messages.reversed() where message["role"]?.stringValue == "assistant" {
                return Int32(clamping: message["content"]?.stringValue?.unicodeScalars.count ?? 0)
            }
            return -1
        }
        if layout[.conversationA] != nil { return (lastAssistant(.conversationA), lastAssistant(.conversationB)) }
        return (text(.responseA), text(.responseB))
    }

    /// Unicode scalars of a string member: its bytes that start a UTF-8 sequence when it has no
    /// escape, else of its decoded text.
    private static func scalars(_ line: UnsafeRawBufferPointer, _ member: JSONMemberSpan) -> Int32 {
        let content = (member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1)
        if member.valueHasEscapes {
            return Int32(clamping: JSONStringDecoder.decodeValue(line, member.valueRange).unicodeScalars.count)
        }
        var n = 0
        for p in content where line[p] & 0xC0 != 0x80 { n += 1 }
        return Int32(clamping: n)
    }
}
