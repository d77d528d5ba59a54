/// The effective labels sorted into the items of a task file, and the labels that name no
/// task in it.
struct ExportSelection: Sendable {
    /// Items in task-file order.
    var items: [ExportItem]
    /// Label positions, each item's together, ordered by rater name bytewise, so that every
    /// run writes the same bytes.
    var order: [Int]
    /// Labels whose task id is not in the task file, in the order of their session lines
    /// (file path, then line); exports leave them out.
    var unknownTask: [Int]

    /// Groups the labels by item with a counting sort, and the items by their place in the file.
    init(_ labels: ExportLabels, _ tasks: LabeledTaskFile) {
        let coded = labels.labelSet.coded
        let itemCount = coded.itemNames.count
        var starts = [Int](repeating: 0, count: itemCount + 1)
        for item in coded.item { starts[Int(item) + 1] += 1 }
        for i in 0..<itemCount { starts[i + 1] += starts[i] }
        var fill = starts
        var byItem = [Int](repeating: 0, count: coded.item.count)
        for (j, item) in coded.item.enumerated() {
            byItem[fill[Int(item)]] = j
            fill[Int(item)] += 1
        }
        // Raters ranked by name, bytewise, once; an item's handful of labels is then
        // insertion-sorted by rank.
        var raterRank = [Int32](repeating: 0, count: coded.raterNames.count)
        for (rank, rater) in coded.raterNames.indices.sorted(by: {
            coded.raterNames[$0].utf8.lexicographicallyPrecedes(coded.raterNames[$1].utf8)
        }).enumerated() {
            raterRank[rater] = Int32(rank)
        }
        // Items in file order by one pass over the file's positions (no comparison sort).
        var itemAt = [Int32](repeating: -1, count: tasks.count)
        for item in 0..<itemCount where tasks.position[item] >= 0 { itemAt[tasks.position[item]] = Int32(item) }
        let found = itemAt.lazy.filter { $0 >= 0 }.map { Int($0) }
        var items: [ExportItem] = []
        items.reserveCapacity(itemCount)
        var order: [Int] = []
        order.reserveCapacity(coded.item.count)
        for item in found {
            let start = order.count
            for p in starts[item]..<starts[item + 1] {
                let j = byItem[p]
                var q = order.count
                order.append(j)
                while q > start && raterRank[Int(coded.rater[order[q - 1]])] > raterRank[Int(coded.rater[j])] {
                    order[q] = order[q - 1]
                    q -= 1
                }
                order[q] = j
            }
            items.append(ExportItem(item: item, labels: start..<order.count, offset: tasks.offset[item],
                                    length: tasks.length[item], line: tasks.line[item]))
        }
        self.items = items
        self.order = order
        unknownTask = coded.item.indices.filter { tasks.position[Int(coded.item[$0])] < 0 }.sorted {
            (labels.fileIndex(of: $0), labels.lineNumber(of: $0)) < (labels.fileIndex(of: $1), labels.lineNumber(of: $1))
        }
    }
}
