/// One chat message, as used by prompts given as message lists and by conversation-form tasks.
public struct Message: Sendable, Equatable, Hashable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
