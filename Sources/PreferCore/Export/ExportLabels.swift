import Foundation

/// The effective labels of an export: read by the report's session reader (`SessionLabelReader`,
/// every core, names interned, held to `SessionReader` + `EffectiveLabels` by differential
/// tests), which also keeps what an export needs of each label line and a report does not:
/// its `task_sha256`, and for `labels` rows the fields they write (`at` as written,
/// `session`, `note`, …) as they stand in the line (`Keeping`).
public struct ExportLabels: Sendable {
    /// The coded labels (`item` indexes `coded.itemNames`), warnings, files and counts.
    public let labelSet: LabelSet
    let lookup: LabeledItemLookup
    /// What was kept of each label line.
    public let keeping: SessionLineKeeping
    /// Per effective label: its event (label, undo or skip), numbered across the reader's
    /// workers in order: worker `w`'s events are numbered from `workerBase[w]`.
    let sources: [Int32]
    /// What each reader worker kept of its events, in the order it read them. Kept as the
    /// workers left them: joining them copied some 25 MB on one core while the other waited.
    let events: [EventColumns]
    let workerBase: [Int]
    /// One reader worker's events: each one's session file (index into `labelSet.files`), line
    /// number, the record kept of its line (`keptAt`, `keptLength` into `kept`: see
    /// `SessionLabelReader.WorkerData.kept`), and how its `task_sha256` is written
    /// (`SessionLineEvent.taskSHAState`) with, when plainly, its 32 bytes at `32 * index`; and,
    /// with `.labelFields`, where a label's string fields are in its record (nil when the
    /// record is the whole line, and for undo and skip; empty otherwise).
    struct EventColumns: Sendable {
        let file: [Int32]
        let line: [Int32]
        let kept: [UInt8]
        let keptAt: [Int]
        let keptLength: [Int32]
        let shaState: [UInt8]
        let sha: [UInt8]
        let fields: [LabelFieldSpans?]
    }

    /// The declared scale of the sittings, as `SessionScale.hint` finds it.
    public let scaleHint: Scale?

    /// Reads session files and folders like `SessionReader.read(paths:)` and replays them,
    /// keeping what `keeping` says of each label line.
    public static func read(paths: [String], workers: Int? = nil, keeping: SessionLineKeeping = .labelFields,
                            skipUnreadable: Bool = false) throws(ValidationFailure) -> ExportLabels {
        let reading = try SessionLabelReader.readAll(paths: paths, workers: workers, keeping: keeping,
                                                     skipUnreadable: skipUnreadable)
        return ExportLabels(reading, keeping: keeping)
    }

    /// The labels of a reading that kept what `keeping` says.
    init(_ reading: SessionReading, keeping: SessionLineKeeping) {
        var lists = Set<[String]?>()
        for worker in reading.workers { lists.formUnion(worker.scaleLists) }
        let events = reading.workers.map {
            EventColumns(file: $0.file, line: $0.line, kept: $0.kept, keptAt: $0.keptAt, keptLength: $0.keptLength,
                         shaState: $0.taskSHAState, sha: $0.taskSHA, fields: $0.labelFields)
        }
        labelSet = reading.set
        lookup = reading.lookup
        self.keeping = keeping
        sources = reading.sources
        self.events = events
        workerBase = reading.workers.reduce(into: [0]) { $0.append($0.last! + $1.kind.count) }
        scaleHint = SessionScale.hint(lists: lists)
    }

    /// The worker that read event `e`, and the event's index in that worker's columns.
    @inline(__always)
    static func place(ofEvent e: Int, workerBase: [Int]) -> (worker: Int, index: Int) {
        var w = 0
        while workerBase[w + 1] <= e { w += 1 }
        return (w, e - workerBase[w])
    }

    /// Where label `j`'s event is kept.
    func place(of j: Int) -> (worker: Int, index: Int) { Self.place(ofEvent: Int(sources[j]), workerBase: workerBase) }

    /// Label `j`'s session file (an index into `labelSet.files`) and line number.
    func fileIndex(of j: Int) -> Int {
        let (w, i) = place(of: j)
        return Int(events[w].file[i])
    }

    func lineNumber(of j: Int) -> Int {
        let (w, i) = place(of: j)
        return Int(events[w].line[i])
    }

    /// Number of effective labels.
    public var count: Int { labelSet.count }

    /// The session file that label `j` is in.
    func file(of j: Int) -> String { labelSet.files[fileIndex(of: j)] }

    /// The choice of label `j` (as interned: a choice spelled in two Unicode normalization
    /// forms is one choice, as in the report, written as first seen).
    func choice(of j: Int) -> String { labelSet.coded.choiceNames[Int(labelSet.coded.choice[j])] }

    /// The distinct choices of the labels at `positions`, in order of first use.
    func choices(usedBy positions: [Int]) -> [String] {
        var used = [Bool](repeating: false, count: labelSet.coded.choiceNames.count)
        var names: [String] = []
        for j in positions where !used[Int(labelSet.coded.choice[j])] {
            used[Int(labelSet.coded.choice[j])] = true
            names.append(labelSet.coded.choiceNames[Int(labelSet.coded.choice[j])])
        }
        return names
    }

    /// Calls `body` with label `j`'s line (its object, as the reader kept it) when it was kept
    /// whole; nil otherwise.
    func withWholeLine<Result>(_ j: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        let (w, i) = place(of: j)
        let columns = events[w]
        guard columns.keptLength[i] > 0, columns.fields.isEmpty || columns.fields[i] == nil else { return nil }
        let start = columns.keptAt[i], end = start + Int(columns.keptLength[i])
        return columns.kept.withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[start..<end])) }
    }

    /// Whether label `j` was made on the task line whose hash is `sha256`: its `task_sha256`
    /// equals it, or it names none.
    /// Whether label `j`'s line names a `task_sha256` (a minimal line from another tool does not).
    func namesTaskSHA256(_ j: Int) -> Bool {
        let (w, i) = place(of: j)
        return events[w].shaState[i] != 0
    }

    func madeOn(_ j: Int, sha256: String) -> Bool {
        let (w, i) = place(of: j)
        return Self.madeOn(state: events[w].shaState[i], stored: events[w].sha, at: 32 * i, sha256: sha256) {
            // Written with escapes: the reader kept the line whole.
            withWholeLine(j) { line in Self.taskSHA256(line) == sha256 } ?? false
        }
    }

    /// The `madeOn` decision from how the `task_sha256` is written (`SessionLineEvent.taskSHAState`):
    /// none, 32 bytes at `offset` of `stored`, or otherwise (then `readLine` decides).
    static func madeOn(state: UInt8, stored: [UInt8], at offset: Int, sha256: String, readLine: () -> Bool) -> Bool {
        switch state {
        case 0:
            return true
        case 1:
            return stored.withUnsafeBytes { SHA256Hex.bytes($0.baseAddress! + offset, equalHex: sha256) }
        default:
            return readLine()
        }
    }

    /// Label `j` as the rows take it, every field read exactly as `SessionLine.record()` reads
    /// it: from its kept fields (string values as the line wrote them, decoded here), or from
    /// its line when that was kept whole (the lines the fast path left to the reference
    /// decoding). With `.checks`, which keeps no fields, `at`, `session` and `note` are nil
    /// and the names are the coded ones (what warnings need).
    /// Every effective label with its fields (side, time, note, `task_sha256`), by task then
    /// rater, for small callers such as the review screen's plan.
    public func effectiveLabels() -> [EffectiveLabel] { (0..<count).map(label) }

    func label(_ j: Int) -> EffectiveLabel {
        let file = file(of: j), number = lineNumber(of: j)
        if let record = withWholeLine(j, { line in try? SessionLine.record(of: line, file: file, line: number) }) ?? nil {
            return EffectiveLabel(record)
        }
        let coded = labelSet.coded
        let (w, i) = place(of: j)
        let sha = events[w].shaState[i] == 1
            ? events[w].sha.withUnsafeBytes { SHA256Hex.hex(UnsafeRawBufferPointer(rebasing: $0[(32 * i)..<(32 * i + 32)])) } : nil
        let side: ResponseSide? = coded.left[j] == 0 ? .a : coded.left[j] == 1 ? .b : nil
        let ms = coded.milliseconds[j] == CodedLabels.noMilliseconds ? nil : coded.milliseconds[j]
        var label = EffectiveLabel(task: coded.itemNames[Int(coded.item[j])], rater: coded.raterNames[Int(coded.rater[j])],
                                   choice: choice(of: j), left: side, ms: ms, taskSHA256: sha, file: file, line: number)
        guard i < events[w].fields.count, let fields = events[w].fields[i] else { return label }
        events[w].kept.withUnsafeBytes { raw in
            let record = UnsafeRawBufferPointer(rebasing: raw[events[w].keptAt[i]...])
            func text(_ span: FieldSpan) -> String? {
                span.isPresent ? JSONStringDecoder.decodeValue(record, span.range) : nil
            }
            label.task = text(fields.task) ?? label.task
            label.rater = text(fields.rater) ?? label.rater
            label.choice = text(fields.choice) ?? label.choice
            label.session = text(fields.session)
            label.note = text(fields.note)
            if let at = text(fields.at) {
                // The fast path read it (unescaped) with `Timestamp`'s own fast reading.
                let range = fields.at.range
                label.at = Timestamp.seconds(record, (range.lowerBound + 1)..<(range.upperBound - 1))
                    .map { Date(timeIntervalSince1970: $0) }
                label.atText = at
            }
        }
        return label
    }

    /// The `task_sha256` of a label line the reader accepted, as `SessionLine.record()` reads it.
    private static func taskSHA256(_ line: UnsafeRawBufferPointer) -> String? {
        let members = JSONSpans.members(line, ofObjectIn: 0..<line.count)
        guard let member = members.last(where: { $0.keyEquals("task_sha256", in: line) }), member.kind == .string else { return nil }
        return JSONStringDecoder.decodeValue(line, member.valueRange)
    }

    /// The labels at `order` (positions into the labels), with what an export reads of each
    /// gathered into arrays in that order.
    /// `withFields` is needed by `labels` rows only; other exports leave those spans ungathered.
    func visiting(_ order: [Int], workers: Int = 1, fields: Bool = true) -> Visit {
        Visit(self, order, workers: workers, fields: fields)
    }

    /// The facts an export reads of each label, laid out in the order it visits them (task
    /// file order), so that it reads them front to back instead of following each label to
    /// its event through several arrays in scattered places: in one loop the processor
    /// overlaps those cache misses; in the export they came one after another, per label.
    /// (The kept fields themselves are read where the reader kept them: copying them in this
    /// order as well took as long as it saved.)
    struct Visit: Sendable {
        let labels: ExportLabels
        /// Per visit position: the label.
        let order: [Int]
        /// Per position: the reader worker that kept the label's record, and where.
        private let worker: [Int32]
        private let keptAt: [Int]
        private let choice: [Int32]
        private let shaState: [UInt8]
        /// 32 bytes per position.
        private let sha: [UInt8]
        /// Where the label's fields are in its line, when the fast path read it, and its side
        /// and milliseconds (for `labels` rows only).
        private let fields: [LabelFieldSpans?]
        private let left: [Int8]
        private let milliseconds: [Int]

        init(_ labels: ExportLabels, _ order: [Int], workers: Int, fields gatherFields: Bool) {
            self.labels = labels
            self.order = order
            var worker = [Int32](repeating: 0, count: order.count)
            var keptAt = [Int](repeating: 0, count: order.count)
            var choice = [Int32](repeating: 0, count: order.count)
            var shaState = [UInt8](repeating: 0, count: order.count)
            var sha = [UInt8](repeating: 0, count: 32 * order.count)
            let gatherFields = gatherFields && labels.events.contains { !$0.fields.isEmpty }
            var fields = [LabelFieldSpans?](repeating: nil, count: gatherFields ? order.count : 0)
            var left = [Int8](repeating: -1, count: gatherFields ? order.count : 0)
            var milliseconds = [Int](repeating: 0, count: gatherFields ? order.count : 0)
            let codedLeft = labels.labelSet.coded.left, codedMilliseconds = labels.labelSet.coded.milliseconds
            let sources = labels.sources, events = labels.events, workerBase = labels.workerBase
            let codedChoice = labels.labelSet.coded.choice
            // The gather is all cache misses; halves on two cores wait for them side by side.
            let parts = max(1, min(workers, 8, order.count / 4096 + 1))
            worker.withUnsafeMutableBufferPointer { worker in
            keptAt.withUnsafeMutableBufferPointer { keptAt in
            choice.withUnsafeMutableBufferPointer { choice in
            shaState.withUnsafeMutableBufferPointer { shaState in
            fields.withUnsafeMutableBufferPointer { fields in
            left.withUnsafeMutableBufferPointer { left in
            milliseconds.withUnsafeMutableBufferPointer { milliseconds in
            sha.withUnsafeMutableBytes { to in
                // Each part writes its own positions only, so the buffers are shared safely.
                let columns = Columns(worker: worker, keptAt: keptAt, choice: choice, shaState: shaState,
                                      sha: to, fields: fields, left: left, milliseconds: milliseconds)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let (worker, keptAt, choice, shaState, to) = (columns.worker, columns.keptAt, columns.choice,
                                                                  columns.shaState, columns.sha)
                    let (fields, left, milliseconds) = (columns.fields, columns.left, columns.milliseconds)
                    for p in (order.count * part / parts)..<(order.count * (part + 1) / parts) {
                        let j = order[p]
                        let (w, i) = ExportLabels.place(ofEvent: Int(sources[j]), workerBase: workerBase)
                        worker[p] = Int32(w)
                        keptAt[p] = events[w].keptAt[i]
                        choice[p] = codedChoice[j]
                        shaState[p] = events[w].shaState[i]
                        if gatherFields {
                            fields[p] = events[w].fields[i]
                            left[p] = codedLeft[j]
                            milliseconds[p] = codedMilliseconds[j]
                        }
                        if shaState[p] == 1 {
                            events[w].sha.withUnsafeBytes { memcpy(to.baseAddress! + 32 * p, $0.baseAddress! + 32 * i, 32) }
                        }
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            }
            self.worker = worker
            self.keptAt = keptAt
            self.choice = choice
            self.shaState = shaState
            self.sha = sha
            self.fields = fields
            self.left = left
            self.milliseconds = milliseconds
        }

        /// The gather's destination and source buffers, handed to its parts.
        private struct Columns: @unchecked Sendable {
            let worker: UnsafeMutableBufferPointer<Int32>
            let keptAt: UnsafeMutableBufferPointer<Int>
            let choice: UnsafeMutableBufferPointer<Int32>
            let shaState: UnsafeMutableBufferPointer<UInt8>
            let sha: UnsafeMutableRawBufferPointer
            let fields: UnsafeMutableBufferPointer<LabelFieldSpans?>
            let left: UnsafeMutableBufferPointer<Int8>
            let milliseconds: UnsafeMutableBufferPointer<Int>
        }

        /// The choice of the label at position `p`.
        func choice(_ p: Int) -> String { labels.labelSet.coded.choiceNames[Int(choice[p])] }

        /// The label at position `p`, read whole from its line.
        func label(_ p: Int) -> EffectiveLabel { labels.label(order[p]) }

        /// Calls `body` with the bytes where the label's string fields are (its kept fields, or
        /// its whole line), the fields' places in them, its side (0 A left, 1 B left, -1 none)
        /// and milliseconds; nil when the line is not of the usual shape (an escaped key, a
        /// field of another kind), which the reference decoding then reads.
        func withFields<Result>(_ p: Int, _ body: (UnsafeRawBufferPointer, LabelFieldSpans, Int8, Int) -> Result) -> Result? {
            if p < fields.count {
                guard let spans = fields[p] else { return nil }
                let start = keptAt[p]
                return labels.events[Int(worker[p])].kept.withUnsafeBytes { raw in
                    body(UnsafeRawBufferPointer(rebasing: raw[start..<(start + spans.end)]), spans, left[p], milliseconds[p])
                }
            }
            // Not gathered (no line had them): the caller reads `label(_:)` instead.
            return nil
        }

        /// `ExportLabels.madeOn` for the label at position `p`.
        func madeOn(_ p: Int, sha256: String) -> Bool {
            ExportLabels.madeOn(state: shaState[p], stored: sha, at: 32 * p, sha256: sha256) {
                labels.madeOn(order[p], sha256: sha256)
            }
        }
    }
}
