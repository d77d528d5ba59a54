/// One task of the task file together with its effective labels, in the order exports
/// write them (by rater, bytewise).
public struct ExportItem: Sendable, Equatable {
    /// The task's position in the task file (0-based).
    public var taskIndex: Int
    public var labels: [EffectiveLabel]

    public init(taskIndex: Int, labels: [EffectiveLabel]) {
        self.taskIndex = taskIndex
        self.labels = labels
    }
}

/// Effective labels sorted into items of a task file, and the labels that name no task in it.
public struct LabelSelection: Sendable, Equatable {
    /// Items in task-file order.
    public var items: [ExportItem]
    /// Labels whose task id is not in the task file; exports leave them out with a warning.
    public var unknownTask: [EffectiveLabel]

    /// Groups `labels` by task, in the task file's order (`index` gives a task id's position),
    /// each item's labels ordered by rater name bytewise so that every run writes the same bytes.
    public static func group(_ labels: [EffectiveLabel], index: (String) -> Int?) -> LabelSelection {
        var byTask: [Int: [EffectiveLabel]] = [:]
        var unknown: [EffectiveLabel] = []
        for label in labels {
            if let position = index(label.task) {
                byTask[position, default: []].append(label)
            } else {
                unknown.append(label)
            }
        }
        let items = byTask.keys.sorted().map { position in
            ExportItem(taskIndex: position, labels: byTask[position]!.sorted {
                $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8)
            })
        }
        return LabelSelection(items: items, unknownTask: unknown)
    }
}
