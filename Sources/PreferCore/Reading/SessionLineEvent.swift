import Foundation

/// What one session line means to a report, with names already interned.
struct SessionLineEvent {
    enum Kind: UInt8 {
        case label = 0, undo = 1, skip = 2, other = 3
        /// A batch claim (SPEC §10) and the end of a sitting: kept for the batch router,
        /// never replayed into effective labels.
        case shown = 4, end = 5
        /// `adjudication`: a lead's verdict (SPEC §12), kept apart from the labels (never
        /// counted as one).
        case adjudication = 6
    }

    var kind: Kind = .other
    var rater: Int32 = -1
    var task: Int32 = -1
    var choice: Int32 = -1
    /// 0 = A on the left, 1 = B, -1 = not recorded.
    var left: Int8 = -1
    /// `"repeat": true` (SPEC §10): a batch's swapped-side repeat, which effective labels ignore.
    var isRepeat = false
    var milliseconds = CodedLabels.noMilliseconds
    /// Seconds since 1970 exactly as `Timestamp.parse` computes them, when the line has `at`.
    var time: Double?
    /// A label's `task_sha256`: 0 when it names none, 1 when it is 64 bytes without escapes
    /// starting at `taskSHAOffset` in the line, 2 when it is written any other way.
    var taskSHAState: UInt8 = 0
    var taskSHAOffset = 0
    /// Which members hold a label's string fields, when the fast path read it (for exports).
    var labelFields: LabelFieldSlots?
    /// True for a `session_start` line.
    var startsSession = false
    /// The `scale` of a `session_start` line, when it is an array of strings.
    var scale: [String]?
    /// The `scale` of a `session_start` line as `SessionScale.hint` reads it: every element,
    /// a non-string one as ""; nil when there is no array.
    var scaleList: [String]?
    /// The guideline and task file a `session_start` line names, with their hashes.
    var version: SittingVersion?
}
