/// Which members of a label line hold the string fields a `labels` export writes, as the fast
/// path found them (-1 for none); turned into `LabelFieldSpans` only by a reader that keeps them.
struct LabelFieldSlots: Sendable {
    var task: Int32 = -1, rater: Int32 = -1, choice: Int32 = -1, at: Int32 = -1, session: Int32 = -1, note: Int32 = -1
}
