/// The lead's verdict in effect on an item.
public struct ReviewVerdict: Sendable, Equatable {
    public var choice: String
    public var note: String?

    public init(choice: String, note: String? = nil) {
        self.choice = choice
        self.note = note
    }
}
