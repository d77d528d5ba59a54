import Foundation
@testable import PreferCore

// The reference replay (test oracle): the plain reading of SPEC §4 over `SessionRecord`s, which
// the one replay of the readers (`EffectiveLabelResolver`, behind `SessionLogTail.labels()`)
// is held to by differential tests.

/// Replays label, undo and skip events into effective labels, in the order of
/// `SessionReplayOrder`: files by their first `at`, lines of one file in file order.
public enum EffectiveLabels {
    /// The effective labels of `records`, ordered by task, then rater (bytewise).
    public static func compute(_ records: [SessionRecord]) -> [EffectiveLabel] {
        let states = replay(records)
        return states.compactMap { key, state in state.label.map { _ in key } }
            .sorted(by: keyPrecedes)
            .compactMap { states[$0]?.label.map(EffectiveLabel.init) }
    }

    /// The verdict in effect on each adjudicated task (SPEC §12): the latest `adjudication`
    /// in replay order that no `undo` of its lead retracted, whichever lead wrote it; `rater`
    /// is the lead. Ordered by task (bytewise).
    public static func verdicts(_ records: [SessionRecord]) -> [EffectiveLabel] {
        let states = replay(records)
        var latest: [String: (order: Int, record: SessionRecord)] = [:]
        for (key, state) in states {
            guard let verdict = state.verdict else { continue }
            if let known = latest[key.task], known.order > state.verdictOrder { continue }
            latest[key.task] = (state.verdictOrder, verdict)
        }
        return latest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .compactMap { latest[$0].map { EffectiveLabel($0.record) } }
    }

    /// What replaying left for one (rater, task).
    struct TaskState {
        /// The label record in effect, if any.
        var label: SessionRecord?
        /// Whether the last label/undo/skip event was a skip.
        var lastWasSkip = false
        /// The rater's verdict in effect (an `adjudication`), if any, and its place in the
        /// replay, so the latest of several leads' verdicts can be told.
        var verdict: SessionRecord?
        var verdictOrder = -1
    }

    struct Key: Hashable {
        var rater: String
        var task: String
    }

    /// Replays the events in the documented order.
    static func replay(_ records: [SessionRecord]) -> [Key: TaskState] {
        var states: [Key: TaskState] = [:]
        for (order, record) in ordered(records).enumerated() {
            guard let task = record.task else { continue }
            // A batch repeat never changes an effective label (SPEC §10: the first label stands).
            if record.isRepeat { continue }
            let key = Key(rater: record.rater, task: task)
            switch record.type {
            case "label":
                states[key, default: TaskState()].label = record
                states[key, default: TaskState()].lastWasSkip = false
            case "adjudication":
                states[key, default: TaskState()].verdict = record
                states[key, default: TaskState()].verdictOrder = order
            case "undo":
                // An undo retracts what the rater has in effect on the task: the label and
                // the verdict (a lead rarely has both; report and export read labels alone).
                states[key, default: TaskState()] = TaskState()
            case "skip":
                states[key, default: TaskState()].lastWasSkip = true
            default:
                continue
            }
        }
        return states
    }

    /// The records in replay order (`SessionReplayOrder`): by file, then line.
    static func ordered(_ records: [SessionRecord]) -> [SessionRecord] {
        var fileIndex: [String: Int] = [:]
        var files: [String] = []
        var firstTimes: [Double?] = []
        var firstTimeLine: [Int] = []
        var recordFile = [Int](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            let f: Int
            if let known = fileIndex[record.file] {
                f = known
            } else {
                f = files.count
                fileIndex[record.file] = f
                files.append(record.file)
                firstTimes.append(nil)
                firstTimeLine.append(Int.max)
            }
            recordFile[index] = f
            // The first timed line of the file, whatever order the records came in.
            if let at = record.at, record.line < firstTimeLine[f] {
                firstTimes[f] = at.timeIntervalSince1970
                firstTimeLine[f] = record.line
            }
        }
        let rank = SessionReplayOrder.ranks(files: files, firstTimes: firstTimes)
        let order = records.indices.sorted { a, b in
            let ra = rank[recordFile[a]], rb = rank[recordFile[b]]
            if ra != rb { return ra < rb }
            if records[a].line != records[b].line { return records[a].line < records[b].line }
            return a < b
        }
        return order.map { records[$0] }
    }

    private static func keyPrecedes(_ a: Key, _ b: Key) -> Bool {
        if a.task != b.task { return a.task.utf8.lexicographicallyPrecedes(b.task.utf8) }
        return a.rater.utf8.lexicographicallyPrecedes(b.rater.utf8)
    }
}
