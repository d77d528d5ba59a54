import Foundation

/// What the batch router needs from one session-file event (SPEC §4, §10), whoever wrote it.
public struct RoutingEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case label(choice: String, left: ResponseSide?)
        case undo
        case skip
        /// A task put on screen: a claim until a label or skip by the same rater, or expiry.
        case shown(left: ResponseSide?)
        /// `session_end`: the sitting is over, so its rater's claims are released.
        case end
    }

    public var rater: String
    /// Which sitting wrote it: the session file's name (unique within a rater's folder);
    /// tells this sitting's own events from earlier ones.
    public var sitting: String?
    /// The task id (empty for `.end`).
    public var task: String
    public var kind: Kind
    /// `"repeat": true`: a swapped-side repeat, which never changes an effective label.
    public var isRepeat: Bool
    /// When it happened; a claim without a time counts as expired.
    public var at: Date?
    /// A label's `ms` (for `status`).
    public var milliseconds: Int?

    public init(rater: String, sitting: String?, task: String, kind: Kind, isRepeat: Bool = false, at: Date? = nil,
                milliseconds: Int? = nil) {
        self.milliseconds = milliseconds
        self.rater = rater
        self.sitting = sitting
        self.task = task
        self.kind = kind
        self.isRepeat = isRepeat
        self.at = at
    }
}
