import Foundation

/// What a batch sitting learns from the session files: every rater's events, handed to the
/// router once each, in replay order. Lines of a sitting whose `session_start` names
/// another task file (`tasks_sha256`) are left out: those labels were made on other content.
///
/// It reads through the one session-log reader, `SessionLogTail`, which resumes from a byte
/// offset per file: each look reads only the complete lines appended since the last (a torn
/// or growing last line waits until its newline is there) and files that appeared.
public final class BatchSessionFeed {
    public let sessionsRoot: String
    public let tasksSHA256: String
    private let tail: SessionLogTail

    /// What one look found.
    public struct Look {
        public var events: [RoutingEvent] = []
        /// A file was replaced, cut short or removed: the events are the whole log again, and
        /// whatever was built from earlier looks must be built anew.
        public var startedOver = false
        /// Lines that cannot be read (another rater's damaged file), `FILE:LINE: reason`.
        public var errors: [InputError] = []
    }

    public init(sessionsRoot: String, tasksSHA256: String, workers: Int? = 1) {
        self.sessionsRoot = sessionsRoot
        self.tasksSHA256 = tasksSHA256
        tail = SessionLogTail(paths: [sessionsRoot], workers: workers)
    }

    /// The events that appeared since the last look (all of them the first time).
    public func look() -> Look {
        let step = tail.advance()
        var look = Look(startedOver: !step.restarted.isEmpty, errors: step.errors)
        // The events come file by file: the sitting is worked out once per run of one file's
        // events, not once per event (a split of the path each, 600,000 at start-up).
        var last = (file: "", sitting: "")
        for (event, sha) in tail.lastStepEvents() {
            if let sha, sha != tasksSHA256 { continue }
            if event.file != last.file { last = (event.file, RoutingEvent.sitting(of: event.file)) }
            if let routing = RoutingEvent(event, sitting: last.sitting) { look.events.append(routing) }
        }
        return look
    }
}
