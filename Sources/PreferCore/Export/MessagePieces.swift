/// One message's `role` and `content` as JSON strings.
struct MessagePieces: Sendable {
    var role: [UInt8]
    var content: [UInt8]

    init(role: [UInt8], content: [UInt8]) {
        self.role = role
        self.content = content
    }

    /// Whether two messages say the same: equal bytes, or (when the task file escapes the
    /// same text two ways) equal decoded text, compared as `String`s compare.
    func sameText(as other: MessagePieces) -> Bool {
        Self.sameText(role, other.role) && Self.sameText(content, other.content)
    }

    private static func sameText(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        if differAtPlainASCII(a, b) { return false }
        let x = decoded(a), y = decoded(b)
        if x == y { return true }
        // Different UTF-8 can still be the same text to `String` (é as one scalar or as e and
        // a combining accent); ASCII cannot.
        if x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: x, as: UTF8.self) == String(decoding: y, as: UTF8.self)
    }

    /// Whether two serialized strings first differ at a byte that is plain ASCII on both
    /// sides, outside any escape: then their texts differ (the same text up to there, then two
    /// different ASCII characters, which no Unicode normalization makes equal) and neither
    /// needs decoding. Different answers in two conversations usually differ early, so this
    /// settles most comparisons after a few bytes.
    private static func differAtPlainASCII(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = min(a.count, b.count)
        var k = 0
        var escapeLeft = 0
        while k < n && a[k] == b[k] {
            if escapeLeft > 0 {
                if escapeLeft == 1 && a[k] == UInt8(ascii: "u") { escapeLeft = 5 }
                escapeLeft -= 1
            } else if a[k] == UInt8(ascii: "\\") {
                escapeLeft = 1
            }
            k += 1
        }
        guard k < n, escapeLeft == 0 else { return false }
        let x = a[k], y = b[k]
        return x < 0x80 && y < 0x80 && x != UInt8(ascii: "\\") && y != UInt8(ascii: "\\")
    }

    /// The UTF-8 of a JSON string (quotes included in `json`).
    private static func decoded(_ json: [UInt8]) -> [UInt8] {
        guard json.count >= 2 else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        json.withUnsafeBufferPointer { p in JSONStringDecoder.appendDecoded(p.baseAddress!, 1..<(json.count - 1), to: &out) }
        return out
    }

    /// `Conversation.sharedPrefix` of messages as the file writes them.
    static func sharedPrefix(_ a: [MessagePieces], _ b: [MessagePieces]) -> Int {
        Conversation.sharedPrefix(a, b) { $0.sameText(as: $1) }
    }

    /// Appends `[{"role":…,"content":…},…]`.
    static func appendList(_ messages: ArraySlice<MessagePieces>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, message) in messages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            message.append(to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends `{"role":…,"content":…}`.
    func append(to out: inout [UInt8]) {
        out.append(literal: #"{"role":"#)
        out.append(contentsOf: role)
        out.append(literal: #","content":"#)
        out.append(contentsOf: content)
        out.append(UInt8(ascii: "}"))
    }

    /// A message from a role and content already serialized as JSON strings.
    static func wrapping(_ content: [UInt8], role: StaticString) -> MessagePieces {
        var roleJSON: [UInt8] = [UInt8(ascii: "\"")]
        role.withUTF8Buffer { roleJSON.append(contentsOf: $0) }
        roleJSON.append(UInt8(ascii: "\""))
        return MessagePieces(role: roleJSON, content: content)
    }

}
