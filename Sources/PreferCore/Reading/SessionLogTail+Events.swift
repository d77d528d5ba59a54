/// The events one `SessionLogTail.advance` read, one by one: what a batch router needs to
/// keep its ledger current without replaying the whole log after each task.
extension SessionLogTail {
    /// One label, undo, skip, `shown` or `session_end` line, its names as the reading
    /// interned them: numbers into the name tables of the worker that read it
    /// (`names(ofWorker:)`), so that a consumer turns each distinct name into its own
    /// number once instead of making strings for 600,000 events at a batch's start-up.
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case label, undo, skip, shown, end }
        public var kind: Kind
        /// The worker whose name tables `rater`, `task` and `choice` index.
        public var worker: Int32
        public var rater: Int32
        /// -1 for `session_end`.
        public var task: Int32
        /// -1 for an event without a choice.
        public var choice: Int32
        public var left: ResponseSide?
        /// `"repeat": true`.
        public var isRepeat: Bool
        /// `at` in seconds since 1970.
        public var time: Double?
        /// A label's `ms`.
        public var milliseconds: Int?
        /// The file, as an index into `files` (`path(ofFile:)`), and the line.
        public var file: Int32
        public var line: Int32
    }

    /// The name tables of worker `w` (names only grow while the tail does not start over).
    func names(ofWorker w: Int) -> SessionNameTables { states?[w].data.tables ?? SessionNameTables() }

    /// How many workers read (the range of `Event.worker`).
    var workerCount: Int { states?.count ?? 0 }

    /// The path of file `index` as found.
    public func path(ofFile index: Int) -> String { files[index] }

    /// How many files were found so far (the range of `Event.file`).
    public var fileCount: Int { files.count }

    /// The `tasks_sha256` of file `index`'s `session_start`, once read.
    public func tasksSHA256(ofFile index: Int) -> String? { cursors[index].tasksSHA256 }

    /// The events the last `advance` read, in replay order (SPEC §4: files by their first
    /// `at`, then lines).
    public func lastStepEvents() -> [Event] {
        guard let states else { return [] }
        // Sorted by place first, and only then made into events: a sort of small tuples.
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
            return Event(
                kind: place.kind, worker: place.worker, rater: data.rater[k], task: data.task[k], choice: data.choice[k],
                left: data.left[k] == 0 ? .a : data.left[k] == 1 ? .b : nil,
                isRepeat: data.isRepeat[k], time: data.time[k].isNaN ? nil : data.time[k],
                milliseconds: data.milliseconds[k] == CodedLabels.noMilliseconds ? nil : data.milliseconds[k],
                file: data.file[k], line: place.line)
        }
    }
}
