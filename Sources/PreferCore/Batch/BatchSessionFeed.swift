/// What a batch sitting learns from the session files: every rater's events, handed to the
/// router once each, in each rater's file order. Lines of a sitting whose `session_start`
/// names another task file (`tasks_sha256`) are left out: those labels were made on other
/// content.
///
/// It reads through the one session reader (`SessionReader`) and remembers, per file, the
/// last line it handed on, so each event reaches the router once; a line counts only once
/// its newline is there (the reader leaves a torn or growing last line for next time).
public final class BatchSessionFeed {
    public let sessionsRoot: String
    public let tasksSHA256: String
    private var linesTaken: [String: Int] = [:]
    private var foreignFiles: Set<String> = []

    public init(sessionsRoot: String, tasksSHA256: String) {
        self.sessionsRoot = sessionsRoot
        self.tasksSHA256 = tasksSHA256
    }

    /// The events that appeared since the last call (all of them the first time).
    public func newEvents() throws(ValidationFailure) -> [RoutingEvent] {
        let log = try SessionReader.read(paths: [sessionsRoot])
        var events: [RoutingEvent] = []
        for record in log.records where record.line > linesTaken[record.file, default: 0] {
            linesTaken[record.file] = record.line
            if record.type == "session_start",
               let sha = record.json["tasks_sha256"]?.stringValue, sha != tasksSHA256 {
                foreignFiles.insert(record.file)
            }
            guard !foreignFiles.contains(record.file), let event = RoutingEvent(record) else { continue }
            events.append(event)
        }
        return events
    }
}
