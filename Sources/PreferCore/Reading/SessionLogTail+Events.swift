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
        let ranks = SessionReplayOrder.ranks(files: files, firstTimes: cursors.map(\.firstTime))
        let columns = (0..<states.count).map { states[$0].data }
        let starts = (0..<columns.count).map { w in w < stepStarts.count ? stepStarts[w] : 0 }
        // A step reads each file whole on one worker, which appends its lines in order: so
        // the replay order is a stable sort of the events by their file's rank, which a
        // counting sort does in two passes (600,000 events at a batch's start-up).
        var first = [Int](repeating: 0, count: files.count + 1)
        for w in columns.indices where starts[w] < columns[w].kind.count {
            for k in starts[w]..<columns[w].kind.count where Self.eventKind(columns[w].kind[k]) != nil {
                first[Int(ranks[Int(columns[w].file[k])]) + 1] += 1
            }
        }
        for r in 0..<files.count { first[r + 1] += first[r] }
        let placeholder = Event(kind: .end, worker: 0, rater: 0, task: -1, choice: -1, left: nil, isRepeat: false,
                                time: nil, milliseconds: nil, file: 0, line: 0)
        var events = [Event](repeating: placeholder, count: first[files.count])
        for w in columns.indices where starts[w] < columns[w].kind.count {
            let data = columns[w]
            for k in starts[w]..<data.kind.count {
                guard let kind = Self.eventKind(data.kind[k]) else { continue }
                let rank = Int(ranks[Int(data.file[k])])
                events[first[rank]] = Event(
                    kind: kind, worker: Int32(w), rater: data.rater[k], task: data.task[k], choice: data.choice[k],
                    left: data.left[k] == 0 ? .a : data.left[k] == 1 ? .b : nil,
                    isRepeat: data.isRepeat[k], time: data.time[k].isNaN ? nil : data.time[k],
                    milliseconds: data.milliseconds[k] == CodedLabels.noMilliseconds ? nil : data.milliseconds[k],
                    file: data.file[k], line: data.line[k])
                first[rank] += 1
            }
        }
        return events
    }

    /// The event kind of a column's code; nil for lines that are no routing event.
    private static func eventKind(_ code: UInt8) -> Event.Kind? {
        switch SessionLineEvent.Kind(rawValue: code) {
        case .label?: return .label
        case .undo?: return .undo
        case .skip?: return .skip
        case .shown?: return .shown
        case .end?: return .end
        default: return nil
        }
    }
}
