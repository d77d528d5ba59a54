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

    /// What replaying left for one (rater, task).
    struct TaskState {
        /// The label record in effect, if any.
        var label: SessionRecord?
        /// Whether the last label/undo/skip event was a skip.
        var lastWasSkip = false
    }

    struct Key: Hashable {
        var rater: String
        var task: String
    }

    /// Replays the events in the documented order.
    static func replay(_ records: [SessionRecord]) -> [Key: TaskState] {
        var states: [Key: TaskState] = [:]
        for record in ordered(records) {
            guard let task = record.task else { continue }
            // A batch repeat never changes an effective label (SPEC §10: the first label stands).
            if record.json["repeat"] == .bool(true) { continue }
            let key = Key(rater: record.rater, task: task)
            switch record.type {
            case "label":
                states[key, default: TaskState()] = TaskState(label: record, lastWasSkip: false)
            case "undo":
                states[key, default: TaskState()] = TaskState(label: nil, lastWasSkip: false)
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
