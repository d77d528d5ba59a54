/// One DPO row's serialized parts: `prompt`, `chosen` and `rejected` as JSON values (strings
/// for a plain-text task) and the members after them.
public struct DPORowPieces: Sendable, Equatable {
    public var prompt: [UInt8]
    public var chosen: [UInt8]
    public var rejected: [UInt8]
    public var tail: [UInt8]
    /// The texts are strings, which the conversational format wraps as messages.
    public var isPlainText: Bool

    /// Appends the row's line; `conversational` wraps plain-text pieces as one user message
    /// and one assistant message per side.
    public func appendLine(conversational: Bool, to out: inout [UInt8]) {
        let wrap = conversational && isPlainText
        out.append(literal: #"{"prompt":"#)
        append(prompt, role: wrap ? Self.userMessage : nil, to: &out)
        out.append(literal: #","chosen":"#)
        append(chosen, role: wrap ? Self.assistantMessage : nil, to: &out)
        out.append(literal: #","rejected":"#)
        append(rejected, role: wrap ? Self.assistantMessage : nil, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: tail)
        out.append(literal: "}\n")
    }

    private func append(_ value: [UInt8], role: [UInt8]?, to out: inout [UInt8]) {
        if let role {
            out.append(contentsOf: role)
            out.append(contentsOf: value)
            out.append(literal: "}]")
        } else {
            out.append(contentsOf: value)
        }
    }

    private static let userMessage = Array(#"[{"role":"user","content":"#.utf8)
    private static let assistantMessage = Array(#"[{"role":"assistant","content":"#.utf8)
}
