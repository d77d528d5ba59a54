/// `EffectiveLabels.compute` without sorting every event: the same effective labels (SPEC §4),
/// found by keeping, per (rater, task), only the label or undo that comes last in the replay
/// order (time, file base name, file path, line).
///
/// Skips never change a label, and of a (rater, task)'s labels and undos only the last one
/// counts, so a single pass that remembers the latest event per key gives the same answer as
/// replaying everything in order. A differential test holds the two to the same output.
public enum EffectiveLabelIndex {
    /// The effective labels of `records` (as read: files in path order, lines in file order),
    /// in no particular order; `EffectiveLabels.compute` gives the same set sorted.
    public static func compute(_ records: [SessionRecord]) -> [EffectiveLabel] {
        struct Latest {
            var index: Int
            var time: Double
        }
        struct Key: Hashable {
            var rater: String
            var task: String
        }
        var latest: [Key: Latest] = [:]
        latest.reserveCapacity(records.count)
        var inherited = -Double.infinity
        var currentFile: String?
        var baseNames: [String] = []
        var baseName = ""
        /// Whether event `a` is replayed after event `b` (both label or undo of one key).
        func comesAfter(_ a: Latest, _ b: Latest) -> Bool {
            if a.time != b.time { return a.time > b.time }
            let (x, y) = (records[a.index], records[b.index])
            let (baseA, baseB) = (baseNames[a.index], baseNames[b.index])
            if baseA != baseB { return baseB.utf8.lexicographicallyPrecedes(baseA.utf8) }
            if x.file != y.file { return y.file.utf8.lexicographicallyPrecedes(x.file.utf8) }
            if x.line != y.line { return x.line > y.line }
            return a.index > b.index
        }
        for (index, record) in records.enumerated() {
            if record.file != currentFile {
                currentFile = record.file
                inherited = -Double.infinity
                baseName = record.file.split(separator: "/").last.map(String.init) ?? record.file
            }
            baseNames.append(baseName)
            // A line without `at` keeps the time of the closest timed line above it in its file.
            if let at = record.at { inherited = at.timeIntervalSince1970 }
            guard record.type == "label" || record.type == "undo", let task = record.task else { continue }
            let key = Key(rater: record.rater, task: task)
            let candidate = Latest(index: index, time: inherited)
            if let kept = latest[key] {
                if comesAfter(candidate, kept) { latest[key] = candidate }
            } else {
                latest[key] = candidate
            }
        }
        return latest.values.map(\.index).sorted().compactMap { index in
            records[index].type == "label" ? EffectiveLabel(records[index]) : nil
        }
    }
}
