import Foundation

/// Checks a session file (SPEC §4) beyond what readers need, for `prefer validate`.
///
/// Errors: everything a reader refuses (bad JSON before the last line, missing or mistyped
/// fields, a format version it cannot read); a label whose choice is not on the scale its
/// sitting declared; with a task file, a label, undo or skip of a task id it does not hold.
/// Warnings: a torn last line (readers drop it); a rater name that `prefer label` would
/// refuse; an event type this version does not know; with a task file, a label made on
/// other content (exports leave it out) and a sitting started on another version of the file;
/// an `at` earlier than one above it in the same file (a clock step: the file order counts).
public enum SessionFileCheck {
    /// Checks session files and folders (every `*.jsonl` below a folder, as readers find them).
    public static func check(paths: [String], tasks: TaskFile? = nil, skipUnreadable: Bool = false) -> FileCheckResult {
        var errors: [InputError] = []
        var found = SessionFiles.find(paths, errors: &errors, skipUnreadable: skipUnreadable)
        let files = found.entries
        var result = FileCheckResult(errors: errors, warnings: found.warnings)
        var events = 0, labels = 0
        for file in files {
            let one = check(entry: file, folders: found.raterFolders, tasks: tasks)
            for error in one.errors { found.keep(error, errors: &result.errors, warnings: &result.warnings) }
            result.warnings.append(contentsOf: one.warnings)
            events += one.events
            labels += one.labels
        }
        result.warnings += found.skippedSummary(of: found.skipped).map { [$0] } ?? []
        result.events = events
        result.labels = labels
        result.summary = [Counted.noun(files.count, "session file"), Counted.noun(events, "event"), Counted.noun(labels, "label")].joined(separator: ", ")
        return result
    }

    /// Checks one session file a search found, with the rules of its place (`RaterFolderRule`).
    static func check(entry: SessionFileEntry, folders: RaterFolders, tasks: TaskFile?) -> FileCheckResult {
        let bytes: [UInt8]
        do {
            bytes = try SessionFiles.contents(of: entry)
        } catch {
            return FileCheckResult(errors: [error])
        }
        var parsed = SessionReader.parse(bytes, file: entry.path, raterFolder: entry.raterFolder)
        parsed.errors += RaterFolderRule.outsideErrors(entry, firstLines: SessionReader.firstLines(parsed.records),
                                                       folders: folders)
        return check(parsed, file: entry.path, tasks: tasks)
    }

    /// Checks session file contents; `file` names them in messages; `raterFolder` as
    /// `SessionReader.parse` takes it.
    public static func check(_ bytes: [UInt8], file: String, raterFolder: String? = nil, tasks: TaskFile? = nil) -> FileCheckResult {
        check(SessionReader.parse(bytes, file: file, raterFolder: raterFolder), file: file, tasks: tasks)
    }

    private static func check(_ parsed: SessionReader.ParsedFile, file: String, tasks: TaskFile?) -> FileCheckResult {
        var result = FileCheckResult(errors: parsed.errors, warnings: parsed.warnings)
        var scales: [String: [String]] = [:]
        var warnedRaters = Set<String>()
        var labels = 0
        var previous: (at: Date, text: String)?
        for record in parsed.records {
            func error(_ reason: String) { result.errors.append(InputError(file: file, line: record.line, reason: reason)) }
            func warning(_ reason: String) { result.warnings.append(InputError(file: file, line: record.line, reason: reason)) }
            if let at = record.at {
                if let before = previous, at < before.at {
                    warning("\"at\" goes back from \(before.text) to \(record.atText ?? "") (the clock was set back); events are replayed in file order")
                }
                // Compared with the line above, so one clock step is one warning.
                previous = (at, record.atText ?? "")
            }
            if !RaterName.isValid(record.rater) && warnedRaters.insert(record.rater).inserted {
                warning("rater name \(JSONWriter.quoted(record.rater)) is not one prefer label accepts ([A-Za-z0-9][A-Za-z0-9._-]{0,63})")
            }
            switch record.type {
            case "session_start":
                if let session = record.session, let scale = record.json["scale"]?.arrayValue {
                    // session_start lists the scale's values; likert5 also takes both_bad (Scale).
                    scales[session] = Scale.choices(recorded: scale.compactMap(\.stringValue))
                }
                if let tasks, let made = record.json["tasks_sha256"]?.stringValue, made != tasks.sha256 {
                    warning("this sitting was started on another version of \(displayedPath(tasks.path)) (tasks_sha256 differs)")
                }
            case "label":
                labels += 1
                if let session = record.session, let scale = scales[session], let choice = record.choice, !scale.contains(choice) {
                    error("choice \(JSONWriter.quoted(choice)) is not on the sitting's scale (\(scale.map { JSONWriter.quoted($0) }.joined(separator: ", ")))")
                }
                checkTask(record, tasks: tasks, error: error, warning: warning)
            case "adjudication":
                // A lead's verdict: checked against the task file like a label, not counted as one.
                if let session = record.session, let scale = scales[session], let choice = record.choice, !scale.contains(choice) {
                    error("verdict \(JSONWriter.quoted(choice)) is not on the sitting's scale (\(scale.map { JSONWriter.quoted($0) }.joined(separator: ", ")))")
                }
                checkTask(record, tasks: tasks, error: error, warning: warning)
            case "undo", "skip", "shown":
                checkTask(record, tasks: tasks, error: error, warning: warning)
            case "session_end":
                break
            default:
                warning("event type \(JSONWriter.quoted(record.type)) is not known to this prefer; readers ignore it")
            }
        }
        // Reader errors and these checks are found in two passes; report them in line order.
        result.errors.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        result.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        result.events = parsed.records.count
        result.labels = labels
        result.summary = "session file: " + Counted.noun(parsed.records.count, "event") + ", " + Counted.noun(labels, "label")
        return result
    }

    private static func checkTask(_ record: SessionRecord, tasks: TaskFile?, error: (String) -> Void, warning: (String) -> Void) {
        guard let tasks, let task = record.task else { return }
        guard let index = tasks.index(of: task) else {
            error("task \(JSONWriter.quoted(task)) is not in \(displayedPath(tasks.path))")
            return
        }
        if let made = record.taskSHA256, let now = try? tasks.taskSHA256(at: index), made != now {
            warning("the label of task \(JSONWriter.quoted(task)) was made on other content (task_sha256 differs); exports leave it out")
        }
    }
}
