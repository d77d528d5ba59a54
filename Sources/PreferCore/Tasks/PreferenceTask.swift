/// One comparison from a task file (SPEC §2), decoded in full.
public struct PreferenceTask: Sendable, Equatable {
    public var id: String
    public var content: TaskContent
    /// Never shown to raters.
    public var modelA: String?
    public var modelB: String?
    /// Every other key of the task line, in file order, passed through to exports as `meta`.
    public var extra: [JSONMember]
    /// SHA-256 (lowercase hex) of the task's line with surrounding whitespace trimmed.
    public var sha256: String
    /// 1-based line number in the task file.
    public var line: Int

    public init(id: String, content: TaskContent, modelA: String?, modelB: String?,
                extra: [JSONMember], sha256: String, line: Int) {
        self.id = id
        self.content = content
        self.modelA = modelA
        self.modelB = modelB
        self.extra = extra
        self.sha256 = sha256
        self.line = line
    }
}
