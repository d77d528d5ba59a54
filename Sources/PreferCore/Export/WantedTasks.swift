import Dispatch

/// The task ids an export needs from the task file, split by the last byte of the id so that
/// the sets are built on all cores and each id is hashed once.
struct WantedTasks: Sendable {
    private let shards: [Set<String>]

    /// Exactly `ids`.
    init(_ ids: Set<String>) {
        shards = [ids]
    }

    /// The distinct task ids of `labels`.
    init(labels: [EffectiveLabel], workers: Int) {
        let count = max(1, min(workers, 8))
        let built = JobResults<Set<String>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { shard in
            var ids = Set<String>(minimumCapacity: labels.count / count / 2 + 1)
            for label in labels where WantedTasks.shard(of: label.task, count) == shard { ids.insert(label.task) }
            built[shard] = ids
        }
        shards = (0..<count).map { built[$0] ?? [] }
    }

    func contains(_ id: String) -> Bool {
        shards[Self.shard(of: id, shards.count)].contains(id)
    }

    var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }

    private static func shard(of id: String, _ count: Int) -> Int {
        count == 1 ? 0 : Int(id.utf8.last ?? 0) % count
    }
}
