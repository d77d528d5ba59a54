/// The one rule of SPEC §4 for labels and a task file, in the words every command uses: with
/// `--tasks`, a label whose task id is not in the file, or whose `task_sha256` differs from the
/// task line's hash, is left out, with a warning, by `report` and `export` alike.
public enum LeftOutLabel {
    /// How many left-out labels of each kind are named one by one.
    public static let namedLimit = 10

    /// `FILE:LINE: label of task "t9" by "ana" names no task in tasks.jsonl; left out`.
    static func unknownTask(_ label: EffectiveLabel, tasksPath: String) -> InputError {
        InputError(file: label.file, line: label.line,
                   reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) names no task in \(displayedPath(tasksPath)); left out")
    }

    /// `FILE:LINE: label of task "t1" by "ana" was made on other content (…); left out`.
    static func changedContent(_ label: EffectiveLabel) -> InputError {
        InputError(file: label.file, line: label.line,
                   reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) was made on other content (its task_sha256 differs from the task file's line); left out")
    }

    /// `left out in all: 3 labels of tasks not in t.jsonl, 0 made on other content`.
    public static func total(unknownTask: Int, changedContent: Int, tasksPath: String) -> String {
        "left out in all: \(Counted.noun(unknownTask, "label")) of tasks not in \(displayedPath(tasksPath)), "
            + "\(changedContent) made on other content"
    }
}
