/// What `prefer validate` finds in one input file: errors make it fail, warnings do not.
public struct FileCheckResult: Sendable, Equatable {
    public var errors: [InputError] = []
    public var warnings: [InputError] = []
    /// One line saying what the file holds, e.g. `session file: 24 events, 20 labels`.
    public var summary: String = ""
    /// Session files: events and label events read.
    public var events = 0
    public var labels = 0

    public init(errors: [InputError] = [], warnings: [InputError] = [], summary: String = "") {
        self.errors = errors
        self.warnings = warnings
        self.summary = summary
    }
}
