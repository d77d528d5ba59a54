import Foundation

/// What the batch router needs from one session-file event (SPEC §4, §10), whoever wrote it.
/// Names are numbers (`RoutingNames`) and the task is its index in the batch's task file.
public struct RoutingEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `choice`: a `RoutingNames.choices` number.
        case label(choice: Int32, left: ResponseSide?)
        case undo
        case skip
        /// A task put on screen: a claim until a label or skip by the same rater, or expiry.
        case shown(left: ResponseSide?)
        /// `session_end`: the sitting is over, so its rater's claims are released.
        case end
    }

    /// A `task` that names no task of the batch (`session_end`, or an id the task file lacks).
    public static let noTask: Int32 = -1

    /// A `RoutingNames.raters` number.
    public var rater: Int32
    /// Which sitting wrote it (a `RoutingNames.sittings` number: its session file's name,
    /// unique within a rater's folder); tells this sitting's own events from earlier ones.
    public var sitting: Int32
    /// The task's index in the task file, or `noTask`.
    public var task: Int32
    public var kind: Kind
    /// `"repeat": true`: a swapped-side repeat, which never changes an effective label.
    public var isRepeat: Bool
    /// When it happened; a claim without a time counts as expired.
    public var at: Date?
    /// A label's `ms` (for `status`).
    public var milliseconds: Int?

    public init(rater: Int32, sitting: Int32, task: Int32, kind: Kind, isRepeat: Bool = false, at: Date? = nil,
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
