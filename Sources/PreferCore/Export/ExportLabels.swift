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
    public let keeping: Keeping
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
    /// (`SessionLineEvent.taskSHAState`) with, when plainly, its 64 bytes at `64 * index`; and,
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

    /// What the reader keeps of each label line for an export.
    public enum Keeping: Sendable {
        /// Its `task_sha256`, and the whole line only when that is written with escapes:
        /// enough for `aggregate` and `dpo`.
        case checks
        /// Also the fields a `labels` row writes, as they stand in the line; the whole line
        /// when the fast path did not read it.
        case labelFields
        /// Every label line whole, from which `labels` rows are written by reading each line
        /// again (slower; the tests hold the two ways to the same bytes).
        case wholeLines

        /// What an export in `format` needs.
        public static func needed(by format: ExportFormat) -> Keeping { format == .labels ? .labelFields : .checks }

        var reading: SessionLabelReader.Keeping {
            switch self {
            case .checks: return .checks
            case .labelFields: return .labelFields
            case .wholeLines: return .wholeLines
            }
        }
    }

    /// The declared scale of the sittings, as `SessionScale.hint` finds it.
    public let scaleHint: Scale?

    /// Reads session files and folders like `SessionReader.read(paths:)` and replays them,
    /// keeping what `keeping` says of each label line.
    public static func read(paths: [String], workers: Int? = nil, keeping: Keeping = .labelFields,
                            skipUnreadable: Bool = false) throws(ValidationFailure) -> ExportLabels {
        let reading = try SessionLabelReader.readAll(paths: paths, workers: workers, keeping: keeping.reading,
                                                     skipUnreadable: skipUnreadable)
        var lists = Set<[String]?>()
        for worker in reading.workers { lists.formUnion(worker.scaleLists) }
        let events = reading.workers.map {
            EventColumns(file: $0.file, line: $0.line, kept: $0.kept, keptAt: $0.keptAt, keptLength: $0.keptLength,
                         shaState: $0.taskSHAState, sha: $0.taskSHA, fields: $0.labelFields)
        }
        return ExportLabels(labelSet: reading.set, lookup: reading.lookup, keeping: keeping, sources: reading.sources,
                            events: events,
                            workerBase: reading.workers.reduce(into: [0]) { $0.append($0.last! + $1.kind.count) },
                            scaleHint: SessionScale.hint(lists: lists))
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
        return Self.madeOn(state: events[w].shaState[i], stored: events[w].sha, at: 64 * i, sha256: sha256) {
            // Written with escapes: the reader kept the line whole.
            withWholeLine(j) { line in Self.taskSHA256(line) == sha256 } ?? false
        }
    }

    /// The `madeOn` decision from how the `task_sha256` is written (`SessionLineEvent.taskSHAState`):
    /// none, 64 plain bytes at `offset` of `stored`, or otherwise (then `readLine` decides).
    static func madeOn(state: UInt8, stored: [UInt8], at offset: Int, sha256: String, readLine: () -> Bool) -> Bool {
        switch state {
        case 0:
            return true
        case 1:
            var expected = sha256
            return expected.withUTF8 { hex in
                hex.count == 64 && stored.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, hex.baseAddress!, 64) == 0 }
            }
        default:
            return readLine()
        }
    }

    /// Label `j` as the rows take it, every field read exactly as `SessionReader` reads it:
    /// from its line when that was kept whole, else from a line made of its kept fields (the
    /// same bytes, so the same decoding). With `.checks`, which keeps no fields, `at`,
    /// `session` and `note` are nil and the names are the coded ones (what warnings need).
    func label(_ j: Int) -> EffectiveLabel {
        let file = file(of: j), number = lineNumber(of: j)
        let read = withWholeLine(j) { Self.record($0, file: file, line: number) }
            ?? fieldLine(j).flatMap { line in line.withUnsafeBytes { Self.record($0, file: file, line: number) } }
        if let record = read { return EffectiveLabel(record) }
        let coded = labelSet.coded
        let (w, i) = place(of: j)
        let sha = events[w].shaState[i] == 1
            ? String(decoding: events[w].sha[(64 * i)..<(64 * i + 64)], as: UTF8.self) : nil
        let side: ResponseSide? = coded.left[j] == 0 ? .a : coded.left[j] == 1 ? .b : nil
        let ms = coded.milliseconds[j] == CodedLabels.noMilliseconds ? nil : coded.milliseconds[j]
        return EffectiveLabel(task: coded.itemNames[Int(coded.item[j])], rater: coded.raterNames[Int(coded.rater[j])],
                              choice: choice(of: j), left: side, ms: ms, taskSHA256: sha, file: file, line: number)
    }

    /// A label line made of label `j`'s kept fields, its coded side and milliseconds and its
    /// `task_sha256`; nil when no fields were kept.
    private func fieldLine(_ j: Int) -> [UInt8]? {
        let (w, i) = place(of: j)
        guard i < events[w].fields.count, let fields = events[w].fields[i] else { return nil }
        let start = events[w].keptAt[i]
        var line = Array(#"{"v":1,"type":"label""#.utf8)
        events[w].kept.withUnsafeBytes { raw in
            let record = UnsafeRawBufferPointer(rebasing: raw[start...])
            for (key, span) in [("task", fields.task), ("rater", fields.rater), ("choice", fields.choice), ("at", fields.at),
                                ("session", fields.session), ("note", fields.note)] where span.isPresent {
                line.append(contentsOf: ",\"\(key)\":".utf8)
                line.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[span.range]))
            }
        }
        let coded = labelSet.coded
        if coded.left[j] >= 0 { line.append(contentsOf: (coded.left[j] == 0 ? #","left":"A""# : #","left":"B""#).utf8) }
        if coded.milliseconds[j] != CodedLabels.noMilliseconds { line.append(contentsOf: ",\"ms\":\(coded.milliseconds[j])".utf8) }
        if events[w].shaState[i] == 1 {
            line.append(contentsOf: #","task_sha256":""#.utf8)
            line.append(contentsOf: events[w].sha[(64 * i)..<(64 * i + 64)])
            line.append(UInt8(ascii: "\""))
        }
        line.append(UInt8(ascii: "}"))
        return line
    }

    /// The line's record, by the export's fast field reader or else the reference decoder;
    /// nil only if the line no longer reads (it read when the sessions were read).
    private static func record(_ line: UnsafeRawBufferPointer, file: String, line number: Int) -> SessionRecord? {
        // The strict scanner accepted the line when the sessions were read and its bytes are
        // held in memory since, so the structure-only walk finds the same members.
        if let record = SessionLineFields.record(line, JSONSpans.members(line, ofObjectIn: 0..<line.count),
                                                 file: file, line: number) {
            return record
        }
        guard let value = try? JSONParser.parse(line) else { return nil }
        return try? SessionRecord.decode(value, file: file, line: number)
    }

    /// The `task_sha256` of a label line the reader accepted, as `SessionRecord.decode` reads it.
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
        /// 64 bytes per position.
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
            var sha = [UInt8](repeating: 0, count: 64 * order.count)
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
                            events[w].sha.withUnsafeBytes { memcpy(to.baseAddress! + 64 * p, $0.baseAddress! + 64 * i, 64) }
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
            // Not gathered: the fields are found by walking the whole line (whose reading gave
            // the coded side and milliseconds).
            let j = order[p]
            let found: Result?? = labels.withWholeLine(j) { line in
                LabelFieldSpans(walking: line).map {
                    body(line, $0, labels.labelSet.coded.left[j], labels.labelSet.coded.milliseconds[j])
                }
            }
            return found ?? nil
        }

        /// `ExportLabels.madeOn` for the label at position `p`.
        func madeOn(_ p: Int, sha256: String) -> Bool {
            ExportLabels.madeOn(state: shaState[p], stored: sha, at: 64 * p, sha256: sha256) {
                labels.madeOn(order[p], sha256: sha256)
            }
        }
    }
}

extension LabelFieldSpans {
    /// The string fields of a label line found by walking it (the strict scanner accepted it
    /// when the sessions were read); nil when a key holds an escape or a field is of another
    /// kind than the fast path takes.
    init?(walking line: UnsafeRawBufferPointer) {
        let members = JSONSpans.members(line, ofObjectIn: 0..<line.count)
        guard let slots = SessionLineFields.Slots(members, in: line) else { return nil }
        func isString(_ slot: Int?) -> Bool { slot.map { members[$0].kind == .string } ?? false }
        func isOptionalString(_ slot: Int?) -> Bool {
            slot.map { members[$0].kind == .string || members[$0].kind == .null } ?? true
        }
        guard isString(slots.task), isString(slots.rater), isString(slots.choice), isOptionalString(slots.at),
              isOptionalString(slots.session), isOptionalString(slots.note) else { return nil }
        func index(_ slot: Int?) -> Int32 { slot.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
        self.init(members, LabelFieldSlots(task: index(slots.task), rater: index(slots.rater), choice: index(slots.choice),
                                           at: index(slots.at), session: index(slots.session), note: index(slots.note)))
    }
}
