import Foundation

extension RoutingEvent {
    /// The routing meaning of one event the session-log reader read.
    public init?(_ event: SessionLogTail.Event) { self.init(event, sitting: Self.sitting(of: event.file)) }

    /// The routing meaning of `event`, whose file holds the sitting `sitting`.
    public init?(_ event: SessionLogTail.Event, sitting: String) {
        let at = event.time.map { Date(timeIntervalSince1970: $0) }
        let kind: Kind
        switch event.kind {
        case .label:
            guard let choice = event.choice else { return nil }
            kind = .label(choice: choice, left: event.left)
        case .undo: kind = .undo
        case .skip: kind = .skip
        case .shown: kind = .shown(left: event.left)
        case .end:
            self.init(rater: event.rater, sitting: sitting, task: "", kind: .end, at: at)
            return
        }
        guard let task = event.task else { return nil }
        self.init(rater: event.rater, sitting: sitting, task: task, kind: kind,
                  isRepeat: event.isRepeat, at: at, milliseconds: event.milliseconds)
    }

    /// The sitting a session file holds: its name, unique within its rater's folder.
    public static func sitting(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
