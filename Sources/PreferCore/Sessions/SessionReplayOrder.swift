/// The order in which a rater's events are replayed into effective labels (SPEC §4), shared
/// by every reader (`EffectiveLabels`, the report's `EffectiveLabelResolver`, label's resume):
/// sitting by sitting, and within one file in file order.
///
/// A session file has one writer that only appends, so its line order is what the rater did,
/// whatever the clock said (NTP steps, a VM resumed): `at` never reorders lines of one file.
/// Files are ordered by the first `at` they hold (the sitting's start); equal times by base
/// name (session files are named by their start time), then full path, bytewise; a file
/// without any `at` (lines from another tool) comes after every timed file.
enum SessionReplayOrder {
    /// Each file's place in the replay order; `firstTimes[i]` is the first `at` of `files[i]`
    /// (seconds since 1970) or nil when it has none.
    static func ranks(files: [String], firstTimes: [Double?]) -> [Int32] {
        let keys = files.map { path -> ([UInt8], [UInt8]) in
            let base = path.split(separator: "/").last.map(String.init) ?? path
            return (Array(base.utf8), Array(path.utf8))
        }
        let order = files.indices.sorted { a, b in
            switch (firstTimes[a], firstTimes[b]) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if keys[a].0 != keys[b].0 { return keys[a].0.lexicographicallyPrecedes(keys[b].0) }
            return keys[a].1.lexicographicallyPrecedes(keys[b].1)
        }
        var rank = [Int32](repeating: 0, count: files.count)
        for (r, index) in order.enumerated() { rank[index] = Int32(r) }
        return rank
    }
}
