import Foundation

/// SPEC §4's one rule for a report with `--tasks`, as `export` applies it (same decisions,
/// `ExportLabels.madeOn`, same words, `LeftOutLabel`): a label whose task id is not in the task
/// file, or that was made on other content (its `task_sha256` differs from the hash of the task
/// line now), is left out, with a warning.
struct TaskFileRule {
    /// Per effective label: whether it counts.
    var keep: [Bool]
    var unknownTask = 0
    var changedContent = 0
    /// The first few distinct unknown task ids, in the order of their session lines.
    var firstUnknownIds: [String] = []
    /// The first `LeftOutLabel.namedLimit` left-out labels of each kind, then the count.
    var warnings: [InputError] = []
    /// Per item (of the label set as read): the judged texts' lengths.
    var lengths: ResponseLengths
    /// Per item (as read), with `groupKey`: the task's value of that key.
    var groups: [String?]
    /// Per item (as read): the SHA-256 of its task line when some label names one (nil
    /// otherwise), so a verdict is held to the same content rule.
    var itemSHA256: [SHA256Bytes?]

    /// What the task file's scan takes from the labeled lines for this rule (and for length
    /// bias and `--by`): the hash of each labeled task line that some label names a
    /// `task_sha256` for (a judge's minimal lines name none).
    static func linesRequest(labels: ExportLabels, groupKey: String?) -> LabeledTaskLines.Request {
        let coded = labels.labelSet.coded
        var needed = [Bool](repeating: false, count: coded.itemNames.count)
        for j in 0..<coded.item.count where labels.namesTaskSHA256(j) { needed[Int(coded.item[j])] = true }
        return LabeledTaskLines.Request(lookup: labels.lookup, hash: needed, groupKey: groupKey)
    }

    /// Decides for every label of `labels` against the labeled tasks of the task file, whose
    /// scan was asked for `linesRequest`'s lines.
    init(labels: ExportLabels, tasks: LabeledTaskFile) {
        let coded = labels.labelSet.coded
        let tasksPath = tasks.path
        let count = coded.item.count
        keep = [Bool](repeating: true, count: count)
        var unknown: [Int] = []
        for j in 0..<count where !tasks.holds(Int(coded.item[j])) {
            keep[j] = false
            unknown.append(j)
        }
        let lines = tasks.lines ?? LabeledTaskLines(itemCount: coded.itemNames.count, grouped: false)
        lengths = lines.lengths
        groups = lines.groups
        let sha = lines.sha256
        itemSHA256 = sha
        let changed = labels.madeOnOtherContent(candidates: keep, itemSHA256: sha)
        for j in changed { keep[j] = false }
        unknownTask = unknown.count
        changedContent = changed.count
        // Named in the order of their session lines, as the export names them.
        func inFileOrder(_ js: [Int]) -> [Int] {
            js.sorted { (labels.fileIndex(of: $0), labels.lineNumber(of: $0)) < (labels.fileIndex(of: $1), labels.lineNumber(of: $1)) }
        }
        let unknownInOrder = inFileOrder(unknown)
        for j in unknownInOrder where firstUnknownIds.count < LeftOutLabel.namedLimit {
            let id = coded.itemNames[Int(coded.item[j])]
            if !firstUnknownIds.contains(id) { firstUnknownIds.append(id) }
        }
        for j in unknownInOrder.prefix(LeftOutLabel.namedLimit) {
            warnings.append(LeftOutLabel.unknownTask(labels.label(j), tasksPath: tasksPath))
        }
        for j in inFileOrder(changed).prefix(LeftOutLabel.namedLimit) {
            warnings.append(LeftOutLabel.changedContent(labels.label(j)))
        }
        if unknownTask + changedContent > 0 {
            warnings.append(InputError(file: tasksPath, reason: LeftOutLabel.total(unknownTask: unknownTask,
                                                                                   changedContent: changedContent, tasksPath: tasksPath)))
        }
    }
}
