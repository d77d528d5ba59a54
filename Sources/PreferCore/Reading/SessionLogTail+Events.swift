/// The events one `SessionLogTail.advance` read, one by one: what a batch router needs to
/// keep its ledger current without replaying the whole log after each task.
extension SessionLogTail {
    /// One label, undo, skip, `shown` or `session_end` line, with its names.
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case label, undo, skip, shown, end }
        public var kind: Kind
        public var rater: String
        /// The task id; nil for `session_end`.
        public var task: String?
        public var choice: String?
        public var left: ResponseSide?
        /// `"repeat": true`.
        public var isRepeat: Bool
        /// `at` in seconds since 1970.
        public var time: Double?
        /// A label's `ms`.
        public var milliseconds: Int?
        public var file: String
        public var line: Int
    }

    /// The events the last `advance` read, in replay order (SPEC §4: files by their first
    /// `at`, then lines), with the `tasks_sha256` of each one's sitting.
    public func lastStepEvents() -> [(event: Event, tasksSHA256: String?)] {
        guard let states else { return [] }
        // Sorted by place first, and only then made into events: moving 600,000 events of
        // several strings each around a sort costs more than the sort itself.
        var found: [(rank: Int32, line: Int32, worker: Int32, at: Int32, kind: Event.Kind)] = []
        let ranks = SessionReplayOrder.ranks(files: files, firstTimes: cursors.map(\.firstTime))
        for w in 0..<states.count {
            let data = states[w].data
            let start = w < stepStarts.count ? stepStarts[w] : 0
            guard start < data.kind.count else { continue }
            for k in start..<data.kind.count {
                let kind: Event.Kind
                switch SessionLineEvent.Kind(rawValue: data.kind[k]) {
                case .label?: kind = .label
                case .undo?: kind = .undo
                case .skip?: kind = .skip
                case .shown?: kind = .shown
                case .end?: kind = .end
                default: continue
                }
                found.append((ranks[Int(data.file[k])], data.line[k], Int32(w), Int32(k), kind))
            }
        }
        found.sort { ($0.rank, $0.line) < ($1.rank, $1.line) }
        let columns = (0..<states.count).map { states[$0].data }
        return found.map { place in
            let data = columns[Int(place.worker)], k = Int(place.at)
            let file = Int(data.file[k])
            let event = Event(
                kind: place.kind, rater: data.tables.raters.name(Int(data.rater[k])),
                task: data.task[k] >= 0 ? data.tables.tasks.name(Int(data.task[k])) : nil,
                choice: data.choice[k] >= 0 ? data.tables.choices.name(Int(data.choice[k])) : nil,
                left: data.left[k] == 0 ? .a : data.left[k] == 1 ? .b : nil,
                isRepeat: data.isRepeat[k], time: data.time[k].isNaN ? nil : data.time[k],
                milliseconds: data.milliseconds[k] == CodedLabels.noMilliseconds ? nil : data.milliseconds[k],
                file: files[file], line: Int(data.line[k]))
            return (event, cursors[file].tasksSHA256)
        }
    }
}
