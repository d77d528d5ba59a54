import Dispatch
import Foundation

/// `EffectiveLabels.compute` without sorting every event: the same effective labels (SPEC §4),
/// found by keeping, per (rater, task), only the label or undo that comes last in the replay
/// order (time, file base name, file path, line).
///
/// Skips never change a label, and of a (rater, task)'s labels and undos only the last one
/// counts, so a pass that remembers the latest event per key gives the same answer as
/// replaying everything in order. The keys are shared out among workers by their task id, so
/// no two workers ever see the same key. A differential test holds this to the reference.
public enum EffectiveLabelIndex {
    /// The effective labels of `records` (as read: files in path order, lines in file order),
    /// ordered by their position in `records`; `EffectiveLabels.compute` gives the same set
    /// sorted by task and rater.
    public static func compute(_ records: [SessionRecord],
                               workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> [EffectiveLabel] {
        let order = ReplayOrder(records)
        let shards = max(1, min(workers, 8))
        let found = JobResults<[Int]>(count: shards)
        DispatchQueue.concurrentPerform(iterations: shards) { shard in
            found[shard] = latest(records, order, shard: shard, of: shards)
        }
        var winners: [Int] = []
        for shard in 0..<shards { winners.append(contentsOf: found[shard] ?? []) }
        winners.sort()
        return winners.map { EffectiveLabel(records[$0]) }
    }

    /// Positions of the records that decide their key's label (labels only), for the keys
    /// whose task id falls in `shard`.
    private static func latest(_ records: [SessionRecord], _ order: ReplayOrder, shard: Int, of shards: Int) -> [Int] {
        struct Key: Hashable {
            var rater: String
            var task: String
        }
        var latest: [Key: Int] = [:]
        latest.reserveCapacity(records.count / shards + 16)
        for index in records.indices {
            let type = records[index].type
            guard type == "label" || type == "undo", let task = records[index].task,
                  shards == 1 || Int(task.utf8.last ?? 0) % shards == shard else { continue }
            let key = Key(rater: records[index].rater, task: task)
            if let kept = latest[key] {
                if order.comesAfter(index, kept) { latest[key] = index }
            } else {
                latest[key] = index
            }
        }
        return latest.values.filter { records[$0].type == "label" }
    }

    /// What places events in replay order, computed once for all workers.
    struct ReplayOrder: Sendable {
        /// Each record's time: its `at`, or that of the closest timed record above it in its
        /// file, or −∞.
        var time: [Double]
        /// Each record's file, ranked by base name, then path (bytewise).
        var fileRank: [Int32]
        var line: [Int32]

        init(_ records: [SessionRecord]) {
            time = []
            fileRank = []
            line = []
            time.reserveCapacity(records.count)
            fileRank.reserveCapacity(records.count)
            line.reserveCapacity(records.count)
            var files: [String] = []
            var fileOf: [Int32] = []
            var inherited = -Double.infinity
            for index in records.indices {
                if files.isEmpty || records[index].file != files[files.count - 1] {
                    files.append(records[index].file)
                    inherited = -Double.infinity
                }
                fileOf.append(Int32(files.count - 1))
                if let at = records[index].at { inherited = at.timeIntervalSince1970 }
                time.append(inherited)
                line.append(Int32(truncatingIfNeeded: records[index].line))
            }
            let baseNames = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            let ranked = files.indices.sorted { a, b in
                if baseNames[a] != baseNames[b] { return baseNames[a].utf8.lexicographicallyPrecedes(baseNames[b].utf8) }
                return files[a].utf8.lexicographicallyPrecedes(files[b].utf8)
            }
            // Readers list each path once, so no two files share a rank.
            var rank = [Int32](repeating: 0, count: files.count)
            for (position, file) in ranked.enumerated() { rank[file] = Int32(position) }
            fileRank = fileOf.map { rank[Int($0)] }
        }

        /// Whether record `a` is replayed after record `b`.
        func comesAfter(_ a: Int, _ b: Int) -> Bool {
            if time[a] != time[b] { return time[a] > time[b] }
            if fileRank[a] != fileRank[b] { return fileRank[a] > fileRank[b] }
            if line[a] != line[b] { return line[a] > line[b] }
            return a > b
        }
    }
}
