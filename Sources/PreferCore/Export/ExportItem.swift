/// One task of the task file with the effective labels it has, as positions into the
/// `order` of its `LabelSelection`.
public struct ExportItem: Sendable, Equatable {
    /// The task's position in the task file (0-based).
    public var taskIndex: Int
    /// Where the item's labels are in `LabelSelection.order`.
    public var labels: Range<Int>

    public init(taskIndex: Int, labels: Range<Int>) {
        self.taskIndex = taskIndex
        self.labels = labels
    }
}

/// Effective labels sorted into items of a task file, and the labels that name no task in it.
public struct LabelSelection: Sendable, Equatable {
    /// Items in task-file order.
    public var items: [ExportItem]
    /// Positions in the grouped label array: each item's labels together, ordered by rater
    /// name bytewise, so that every run writes the same bytes.
    public var order: [Int]
    /// Positions of labels whose task id is not in the task file; exports leave them out.
    public var unknownTask: [Int]

    /// Groups `labels` by task in the task file's order (`index` gives a task id's position
    /// among `taskCount` tasks) with a counting sort: no label is copied or compared by task.
    public static func group(_ labels: [EffectiveLabel], taskCount: Int, index: (String) -> Int?) -> LabelSelection {
        var position = [Int](repeating: -1, count: labels.count)
        var starts = [Int](repeating: 0, count: taskCount + 1)
        var unknown: [Int] = []
        for k in labels.indices {
            if let found = index(labels[k].task), found >= 0, found < taskCount {
                position[k] = found
                starts[found + 1] += 1
            } else {
                unknown.append(k)
            }
        }
        for t in 0..<taskCount { starts[t + 1] += starts[t] }
        var fill = starts
        var order = [Int](repeating: 0, count: starts[taskCount])
        for k in labels.indices where position[k] >= 0 {
            order[fill[position[k]]] = k
            fill[position[k]] += 1
        }
        var items: [ExportItem] = []
        for t in 0..<taskCount where starts[t + 1] > starts[t] {
            let range = starts[t]..<starts[t + 1]
            // An item has a handful of labels: insertion sort by rater, bytewise.
            for i in range.dropFirst() {
                var j = i
                while j > range.lowerBound && labels[order[j]].rater.utf8.lexicographicallyPrecedes(labels[order[j - 1]].rater.utf8) {
                    order.swapAt(j, j - 1)
                    j -= 1
                }
            }
            items.append(ExportItem(taskIndex: t, labels: range))
        }
        return LabelSelection(items: items, order: order, unknownTask: unknown)
    }
}
