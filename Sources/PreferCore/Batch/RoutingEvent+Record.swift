extension RoutingEvent {
    /// The routing meaning of a decoded session line, or nil for a line routing ignores
    /// (`session_start`, unknown types, a line without a task).
    public init?(_ record: SessionRecord) {
        let isRepeat = record.json["repeat"] == .bool(true)
        let kind: Kind
        switch record.type {
        case "label":
            guard let choice = record.choice else { return nil }
            kind = .label(choice: choice, left: record.left)
        case "undo": kind = .undo
        case "skip": kind = .skip
        case "shown":
            kind = .shown(left: record.json["left"]?.stringValue.flatMap(ResponseSide.init(rawValue:)))
        case "session_end":
            self.init(rater: record.rater, session: record.session, task: "", kind: .end, at: record.at)
            return
        default: return nil
        }
        guard let task = record.task else { return nil }
        self.init(rater: record.rater, session: record.session, task: task, kind: kind, isRepeat: isRepeat, at: record.at)
    }
}
