import PreferCore

/// The fixed settings of one sitting, decided before the screen opens.
public struct LabelingConfig: Sendable, Equatable {
    public var rater: String
    /// The task file as the rater named it (shown in the header, sanitized).
    public var taskSetName: String
    public var scale: Scale
    /// Refuse a choice until the prompt and both responses were scrolled to their end.
    public var requireRead: Bool
    /// The guideline's Markdown text (untrusted: sanitized when laid out).
    public var guideline: String
    /// Choices arriving sooner than this after a task appears are ignored, so type-ahead
    /// or a held key never labels a task the rater has not seen.
    public var choiceGuardMs: Int
    /// A batch sitting (SPEC §10): each next task comes from the router (`.loadNext`), and
    /// every task put on screen is first recorded as `shown`, a claim other raters respect.
    public var routed: Bool

    public init(rater: String, taskSetName: String, scale: Scale = .pairwise,
                requireRead: Bool = false, guideline: String, choiceGuardMs: Int = 350,
                routed: Bool = false) {
        self.routed = routed
        self.rater = rater
        self.taskSetName = taskSetName
        self.scale = scale
        self.requireRead = requireRead
        self.guideline = guideline
        self.choiceGuardMs = choiceGuardMs
    }
}
