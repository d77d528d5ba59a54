/// Makes `TaskPieces` from one task line's bytes, copying strings as they stand in the file.
///
/// A string is copied byte for byte, escapes and all, unless it holds a character that is not
/// safe to `cat`; such a string is decoded and written again by `JSONWriter`. Arrays and
/// objects in `meta` are written again compactly; numbers, booleans and `null` are copied.
enum TaskLinePieces {
    /// The pieces of a trimmed task line that the validating scan accepted and that has not
    /// changed since (the export checks the file's stamp around every read): its members are
    /// found by the structure-only walk, which trusts the bytes, and the schema is not checked
    /// again; nil if the line has no id or content at all (it changed, which the stamp
    /// checks around every read make a bug).
    static func make(validated bytes: UnsafeRawBufferPointer) -> TaskPieces? {
        let members = JSONSpans.members(bytes, ofObjectIn: 0..<bytes.count)
        // The rules were checked by the scan; only which member is which is needed here.
        let layout = TaskLineSchema.layout(bytes, members)
        guard let idMember = layout[.id], members[idMember].kind == .string,
              layout[.prompt] != nil || layout[.conversationA] != nil else { return nil }
        let id = JSONStringDecoder.decodeValue(bytes, members[idMember].valueRange)
        return make(bytes, members, layout, id: id, sha256: SHA256Hex.of(bytes))
    }

    /// The pieces of a line already scanned and checked (`layout` from `TaskLineSchema.check`).
    static func make(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan], _ layout: TaskLineSchema.Layout,
                     id: String, sha256: String) -> TaskPieces {
        // Most lines are safe to `cat` whole, and then so is every string in them: one check
        // of the line instead of one per string (a dozen calls a task, most on short strings).
        let lineIsSafe = CatSafety.isSafe(bytes, 0..<bytes.count)
        func member(_ field: TaskLineSchema.Field) -> JSONMemberSpan? { layout[field].map { members[$0] } }
        func string(_ field: TaskLineSchema.Field) -> [UInt8] {
            guard let span = member(field), span.kind == .string else { return nullBytes }
            return copy(bytes, span.valueRange, lineIsSafe: lineIsSafe)
        }
        func messages(_ field: TaskLineSchema.Field) -> [MessagePieces] {
            guard let span = member(field) else { return [] }
            return messageList(bytes, span.valueRange, lineIsSafe: lineIsSafe)
        }
        let content: TaskPieces.Content
        if layout[.conversationA] != nil {
            content = .conversation(a: messages(.conversationA), b: messages(.conversationB))
        } else {
            let prompt: TaskPieces.Prompt = member(.prompt)?.kind == .array ? .messages(messages(.prompt)) : .text(string(.prompt))
            content = .singleTurn(prompt: prompt, responseA: string(.responseA), responseB: string(.responseB))
        }
        var meta: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for (index, span) in members.enumerated() where !layout.isKnown(index) {
            if !first { meta.append(UInt8(ascii: ",")) }
            first = false
            // The key as the value rule copies strings: as it stands when it has no escape
            // and is safe to `cat` (then it is what JSONWriter writes), else written again.
            let quoted = (span.keyRange.lowerBound - 1)..<(span.keyRange.upperBound + 1)
            if !span.keyHasEscapes && (lineIsSafe || CatSafety.isSafe(bytes, quoted)) {
                meta.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[quoted]))
            } else {
                JSONWriter.appendString(span.key(in: bytes), to: &meta)
            }
            meta.append(UInt8(ascii: ":"))
            switch span.kind {
            case .string: meta.append(contentsOf: copy(bytes, span.valueRange, lineIsSafe: lineIsSafe))
            case .array, .object: JSONWriter.append(JSONValueBuilder.build(bytes, from: span.valueRange.lowerBound).value, to: &meta)
            case .number, .bool, .null: meta.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span.valueRange]))
            }
        }
        meta.append(UInt8(ascii: "}"))
        return TaskPieces(id: id, modelA: string(.modelA), modelB: string(.modelB), sha256: sha256,
                          content: content, meta: meta)
    }

    /// A string value (quotes included) as export bytes: as it stands when safe to cat, else
    /// decoded and escaped again. `lineIsSafe`: the whole line was found safe, so the string is.
    static func copy(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, lineIsSafe: Bool) -> [UInt8] {
        if lineIsSafe || CatSafety.isSafe(bytes, range) { return Array(UnsafeRawBufferPointer(rebasing: bytes[range])) }
        var out: [UInt8] = []
        JSONWriter.appendString(JSONStringDecoder.decodeValue(bytes, range), to: &out)
        return out
    }

    /// The `role` and `content` of each message of a checked message array (other keys of a
    /// message are left out, as `PreferenceTask` leaves them out).
    private static func messageList(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, lineIsSafe: Bool) -> [MessagePieces] {
        JSONSpans.elements(bytes, ofArrayIn: range).map { element in
            var role = emptyString
            var content = emptyString
            for part in JSONSpans.members(bytes, ofObjectIn: element.range) where part.kind == .string {
                if part.keyEquals("role", in: bytes) {
                    role = copy(bytes, part.valueRange, lineIsSafe: lineIsSafe)
                } else if part.keyEquals("content", in: bytes) {
                    content = copy(bytes, part.valueRange, lineIsSafe: lineIsSafe)
                }
            }
            return MessagePieces(role: role, content: content)
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let emptyString = Array("\"\"".utf8)
}
