/// What `SessionLabelReader.readAll` found.
struct SessionReading {
    var set: LabelSet
    var lookup: LabeledItemLookup
    /// Per effective label (in the order of `set.coded`): its event, numbered across the
    /// workers in order (worker 0's events first).
    var sources: [Int32]
    var workers: [SessionLabelReader.WorkerData]
}
