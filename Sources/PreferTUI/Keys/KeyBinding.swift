/// One row of the key table: the keys, what they do, and how the key bar and help name them.
public struct KeyBinding: Sendable, Equatable {
    /// A key bar entry: the key(s) in bold, then what they do.
    public struct BarName: Sendable, Equatable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    public var keys: [KeyEvent]
    /// How the keys are written in the key bar and help, e.g. `3/t` or `j/k ↓/↑`.
    public var keyLabel: String
    public var command: Command
    /// The sentence in the `?` help.
    public var help: String
    /// A short name for the key bar; nil keeps the binding out of the bar (help only).
    public var barLabel: String?
    /// The name in the short key bar used when the full one does not fit (80 columns):
    /// fewer words, alternative keys left to the help. Nil leaves the binding out of the
    /// short bar because another entry already names it (`1/2 best` stands for 1 and 2).
    public var shortBar: BarName?

    public init(_ keys: [KeyEvent], _ keyLabel: String, _ command: Command, help: String,
                bar: String? = nil, short: BarName?? = .none) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.command = command
        self.help = help
        self.barLabel = bar
        switch short {
        case .none: self.shortBar = bar.map { BarName(keyLabel, $0) }
        case .some(let name): self.shortBar = name
        }
    }
}
