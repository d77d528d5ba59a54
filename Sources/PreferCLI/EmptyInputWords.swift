import PreferCore

/// The sentences of a report or export that found nothing to work on: what was read, so that
/// the lead sees at once whether the path, the undo or the task file is at fault (both
/// commands then exit 1, never 0 with an empty page).
enum EmptyInputWords {
    /// `3 session files, 0 labels (4 label events, 4 undo events and 1 skip event leave no effective label)`.
    static func noLabels(_ set: LabelSet) -> String {
        noLabels(files: set.files.count, labelEvents: set.labelEvents, undoEvents: set.undoEvents, skipEvents: set.skipEvents)
    }

    static func noLabels(files: Int, labelEvents: Int, undoEvents: Int, skipEvents: Int) -> String {
        var line = "\(ReportWords.count(files, "session file")), 0 labels"
        if labelEvents + undoEvents + skipEvents > 0 {
            line += " (\(ReportWords.count(labelEvents, "label event")), \(ReportWords.count(undoEvents, "undo event"))"
                + " and \(ReportWords.count(skipEvents, "skip event")) leave no effective label)"
        }
        return line
    }

    /// `5 labels, none for tasks of tasks.jsonl — first unknown ids: "x1", "x2"`.
    static func noneForTasks(labels: Int, tasksPath: String, unknownIds: [String], unknown: Int, changed: Int) -> String {
        var line = "\(ReportWords.count(labels, "label")), none for tasks of \(tasksPath)"
        if !unknownIds.isEmpty {
            line += " — first unknown ids: " + unknownIds.map(JSONWriter.quoted).joined(separator: ", ")
        }
        var parts: [String] = []
        if unknown > 0 { parts.append("\(unknown) name no task in it") }
        if changed > 0 { parts.append("\(changed) were made on other content") }
        if !parts.isEmpty { line += " (" + parts.joined(separator: ", ") + ")" }
        return line + "."
    }
}
