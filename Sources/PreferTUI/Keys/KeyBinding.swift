/// One row of the key table: the keys, what they do, and how the key bar and help name them.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [KeyEvent]
    /// How the keys are written in the key bar and help, e.g. `3/t` or `j/k ↓/↑`.
    public var keyLabel: String
    public var command: Command
    /// The sentence in the `?` help.
    public var help: String
    /// A short name for the key bar; nil keeps the binding out of the bar (help only).
    public var barLabel: String?

    public init(_ keys: [KeyEvent], _ keyLabel: String, _ command: Command, help: String,
                bar: String? = nil) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.command = command
        self.help = help
        self.barLabel = bar
    }
}
