/// The task-line rules of SPEC §2, checked on the member spans of a validated JSON object so
/// that loading never turns prompts or responses into Swift strings.
///
/// The same check runs at load time and when a task is read back, so both agree on what a
/// task is; `decode` then materializes the whole task from the same spans.
enum TaskLineSchema {
    /// The top-level keys with a meaning; every other key is passed through as `extra`.
    enum Field: CaseIterable {
        case id, prompt, responseA, responseB, conversationA, conversationB, modelA, modelB

        var key: StaticString {
            switch self {
            case .id: return "id"
            case .prompt: return "prompt"
            case .responseA: return "response_a"
            case .responseB: return "response_b"
            case .conversationA: return "conversation_a"
            case .conversationB: return "conversation_b"
            case .modelA: return "model_a"
            case .modelB: return "model_b"
            }
        }

        var name: String { key.description }
    }

    /// Which member (index into the spans) holds each field of one task line.
    struct Layout {
        // Eight plain slots rather than an array: one Layout is made per line at load time.
        private var slots: (Int, Int, Int, Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1, -1, -1, -1)

        subscript(field: Field) -> Int? {
            get {
                let value: Int
                switch field {
                case .id: value = slots.0
                case .prompt: value = slots.1
                case .responseA: value = slots.2
                case .responseB: value = slots.3
                case .conversationA: value = slots.4
                case .conversationB: value = slots.5
                case .modelA: value = slots.6
                case .modelB: value = slots.7
                }
                return value >= 0 ? value : nil
            }
            set {
                let value = newValue ?? -1
                switch field {
                case .id: slots.0 = value
                case .prompt: slots.1 = value
                case .responseA: slots.2 = value
                case .responseB: slots.3 = value
                case .conversationA: slots.4 = value
                case .conversationB: slots.5 = value
                case .modelA: slots.6 = value
                case .modelB: slots.7 = value
                }
            }
        }

        /// Whether member `index` is one of the known fields.
        func isKnown(_ index: Int) -> Bool {
            Field.allCases.contains { self[$0] == index }
        }
    }

    /// Longest id accepted, in Unicode scalars.
    static let maximumIdLength = 200

    /// Which member holds each known field, with no rule checked: for a line `check` has
    /// already accepted (an export reading a validated line back).
    static func layout(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan]) -> Layout {
        var layout = Layout()
        for (index, member) in members.enumerated() {
            if let field = field(of: member, in: bytes) { layout[field] = index }
        }
        return layout
    }

    /// Finds the fields of the line and checks every rule; returns the layout, or the reason
    /// (a sentence for `FILE:LINE: reason`) the line is not a valid task.
    static func check(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan]) -> Result<Layout, TaskLineProblem> {
        let layout = layout(bytes, members)
        guard let id = layout[.id] else { return .failure(.missing(.id)) }
        guard members[id].kind == .string else { return .failure(.wrongKind(.id, "a string", members[id].kind)) }
        guard isValidId(bytes, members[id]) else {
            return .failure(.reason("\"id\" must be 1–\(maximumIdLength) characters, not only spaces, without control or invisible format characters (bidi overrides, zero-width spaces)"))
        }
        let single = layout[.prompt] != nil || layout[.responseA] != nil || layout[.responseB] != nil
        let conversation = layout[.conversationA] != nil || layout[.conversationB] != nil
        if single && conversation {
            return .failure(.reason("a task has either \"prompt\"/\"response_a\"/\"response_b\" or \"conversation_a\"/\"conversation_b\", not both"))
        }
        if single {
            for field in [Field.prompt, .responseA, .responseB] where layout[field] == nil {
                return .failure(.missing(field))
            }
            let prompt = members[layout[.prompt]!]
            if prompt.kind == .array {
                if let problem = checkMessages(bytes, prompt, of: .prompt) { return .failure(problem) }
            } else if prompt.kind != .string {
                return .failure(.wrongKind(.prompt, "a string or an array of messages", prompt.kind))
            }
            for field in [Field.responseA, .responseB] where members[layout[field]!].kind != .string {
                return .failure(.wrongKind(field, "a string", members[layout[field]!].kind))
            }
        } else if conversation {
            for field in [Field.conversationA, .conversationB] {
                guard let index = layout[field] else { return .failure(.missing(field)) }
                guard members[index].kind == .array else {
                    return .failure(.wrongKind(field, "a non-empty array of messages", members[index].kind))
                }
                if let problem = checkMessages(bytes, members[index], of: field) { return .failure(problem) }
            }
        } else {
            return .failure(.reason("missing fields: a task needs \"prompt\", \"response_a\" and \"response_b\", or \"conversation_a\" and \"conversation_b\""))
        }
        // Model names are optional; null counts as absent.
        for field in [Field.modelA, .modelB] {
            if let index = layout[field], members[index].kind != .string, members[index].kind != .null {
                return .failure(.wrongKind(field, "a string", members[index].kind))
            }
        }
        // Extra keys pass into exports as written: a number beyond a double (1e999) would make
        // every export one that strict JSON readers refuse, so the task file is refused here.
        for member in members where member.kind != .string && field(of: member, in: bytes) == nil {
            if let number = nonFiniteNumber(bytes, kind: member.kind, range: member.valueRange) {
                let key = JSONMessageText.quoted(JSONStringDecoder.decodeContent(bytes, member.keyRange))
                return .failure(.reason("\(key) holds the number \(number), which is beyond the range of a double (strict JSON readers refuse it)"))
            }
        }
        return .success(layout)
    }

    /// The first number in the value at `range` (at any depth) that is not a finite double.
    private static func nonFiniteNumber(_ bytes: UnsafeRawBufferPointer, kind: JSONKind, range: Range<Int>) -> String? {
        switch kind {
        case .number:
            // Only an exponent or 309+ digits can overflow: most numbers need no parse.
            guard range.count > 308 || bytes[range].contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
            else { return nil }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            return Double(text).map(\.isFinite) == true ? nil : text
        case .array:
            for element in JSONSpans.elements(bytes, ofArrayIn: range) {
                if let found = nonFiniteNumber(bytes, kind: element.kind, range: element.range) { return found }
            }
            return nil
        case .object:
            for member in JSONSpans.members(bytes, ofObjectIn: range) {
                if let found = nonFiniteNumber(bytes, kind: member.kind, range: member.valueRange) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// Which known field a member is, comparing raw key bytes (decoded only when escaped).
    @inline(__always)
    static func field(of member: JSONMemberSpan, in bytes: UnsafeRawBufferPointer) -> Field? {
        let length = member.keyRange.count
        guard member.keyHasEscapes || (length >= 2 && length <= 14) else { return nil }
        for field in Field.allCases where member.keyHasEscapes || field.key.withUTF8Buffer(\.count) == length {
            if member.keyEquals(field.key, in: bytes) { return field }
        }
        return nil
    }

    /// 1–200 characters, not only spaces, and none that a terminal or a reader cannot see:
    /// no control and no invisible format character (bidi overrides, zero-width, tags;
    /// `HiddenCharacters`), so two ids that look the same on screen are not two tasks. ASCII ids
    /// (the usual case) are checked on their raw bytes, without making a String.
    private static func isValidId(_ bytes: UnsafeRawBufferPointer, _ member: JSONMemberSpan) -> Bool {
        let content = (member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1)
        var ascii = !member.valueHasEscapes
        if ascii { for k in content where bytes[k] >= 0x80 { ascii = false; break } }
        var count = 0
        var blank = true
        if ascii {
            // Raw C0 controls cannot occur (the validator refused them); DEL can.
            for k in content {
                let b = bytes[k]
                if b == 0x7F { return false }
                if b != 0x20 { blank = false }
                count += 1
            }
            return count >= 1 && count <= maximumIdLength && !blank
        }
        let text = member.valueHasEscapes ? JSONStringDecoder.decodeValue(bytes, member.valueRange)
                                          : String(decoding: UnsafeRawBufferPointer(rebasing: bytes[content]), as: UTF8.self)
        for scalar in text.unicodeScalars {
            if HiddenCharacters.isHidden(scalar) { return false }
            if !scalar.properties.isWhitespace { blank = false }
            count += 1
        }
        return count >= 1 && count <= maximumIdLength && !blank
    }

    /// Checks a non-empty array of `{"role": string, "content": string}` objects.
    private static func checkMessages(_ bytes: UnsafeRawBufferPointer, _ member: JSONMemberSpan,
                                      of field: Field) -> TaskLineProblem? {
        let elements = JSONSpans.elements(bytes, ofArrayIn: member.valueRange)
        if elements.isEmpty {
            return .reason("\"\(field.name)\" must be a non-empty array of messages, found an empty array")
        }
        for (number, element) in zip(1..., elements) {
            guard element.kind == .object else {
                return .reason("message \(number) of \"\(field.name)\" must be an object with string \"role\" and \"content\", found \(element.kind.name)")
            }
            let parts = JSONSpans.members(bytes, ofObjectIn: element.range)
            for key: StaticString in ["role", "content"] {
                guard let part = parts.first(where: { $0.keyEquals(key, in: bytes) }) else {
                    return .reason("message \(number) of \"\(field.name)\" has no \"\(key)\"")
                }
                guard part.kind == .string else {
                    return .reason("\"\(key)\" of message \(number) of \"\(field.name)\" must be a string, found \(part.kind.name)")
                }
            }
        }
        return nil
    }
}
