import PreferCore

/// The fixed settings of one review sitting, decided before the screen opens.
public struct ReviewConfig: Sendable, Equatable {
    /// The lead's name (the rater of the lead's own session file).
    public var lead: String
    /// The task file as named (shown in the header, sanitized).
    public var taskSetName: String
    public var scale: Scale
    /// The guideline's Markdown (untrusted: sanitized when laid out).
    public var guideline: String
    /// Show `model_a`/`model_b` on the response panes (hidden by default, as from raters).
    public var showModels: Bool
    /// Verdict keys arriving sooner than this after an item appears are ignored.
    public var choiceGuardMs: Int

    public init(lead: String, taskSetName: String, scale: Scale = .pairwise, guideline: String,
                showModels: Bool = false, choiceGuardMs: Int = 350) {
        self.lead = lead
        self.taskSetName = taskSetName
        self.scale = scale
        self.guideline = guideline
        self.showModels = showModels
        self.choiceGuardMs = choiceGuardMs
    }
}
