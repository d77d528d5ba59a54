/// What `SessionLabelReader.readAll` found.
struct SessionReading {
    var set: LabelSet
    var lookup: LabeledItemLookup
    /// Per effective label (in the order of `set.coded`): its event, numbered across the
    /// workers in order (worker 0's events first).
    var sources: [Int32]
    var workers: [SessionLabelReader.WorkerData]
    /// Per file of `set.files`: its first `at` (seconds since 1970), nil for none; with the
    /// files, what `SessionReplayOrder` orders by.
    var firstTimes: [Double?]
}
