import Foundation

/// The effective labels of an export: read by the report's session reader (`SessionLabelReader`,
/// every core, names interned, held to `SessionReader` + `EffectiveLabels` by differential
/// tests), with the session files' bytes kept so that the fields only an export writes — `at`
/// as written, `session`, `note` and `task_sha256` — are read from the lines of the effective
/// labels alone, when their rows are made.
public struct ExportLabels: Sendable {
    /// The coded labels (`item` indexes `coded.itemNames`), warnings, files and counts.
    public let labelSet: LabelSet
    let lookup: LabeledItemLookup
    /// Per effective label: its event (label, undo or skip), numbered across the reader's
    /// workers in order: worker `w`'s events are numbered from `workerBase[w]`.
    let sources: [Int32]
    /// What each reader worker kept of its events, in the order it read them. Kept as the
    /// workers left them: joining them copied some 25 MB on one core while the other waited.
    let events: [EventColumns]
    let workerBase: [Int]
    /// One reader worker's events: each one's session file (index into `labelSet.files`), line
    /// number, where its line starts in the file's bytes, and how its `task_sha256` is written
    /// (`SessionLineEvent.taskSHAState`) with, when plainly, its 64 bytes at `64 * index`; and,
    /// when read `forLabelRows`, where a label's string fields are in its line (nil when the
    /// line took the reference path, and for undo and skip; empty otherwise).
    struct EventColumns: Sendable {
        let file: [Int32]
        let line: [Int32]
        let lineStart: [Int]
        let shaState: [UInt8]
        let sha: [UInt8]
        let fields: [LabelFieldSpans?]
    }

    /// Each session file's bytes, by file index.
    let fileBytes: [[UInt8]]
    /// The declared scale of the sittings, as `SessionScale.hint` finds it.
    public let scaleHint: Scale?

    /// Reads session files and folders like `SessionReader.read(paths:)` and replays them.
    /// `forLabelRows` also keeps where each label's fields are, from which `labels` rows are
    /// written fastest (without it they are read from the lines again).
    public static func read(paths: [String], workers: Int? = nil, forLabelRows: Bool = true) throws(ValidationFailure) -> ExportLabels {
        let reading = try SessionLabelReader.readAll(paths: paths, workers: workers, keepingLines: true,
                                                     keepingFields: forLabelRows)
        var fileBytes = [[UInt8]](repeating: [], count: reading.set.files.count)
        for worker in reading.workers {
            for (index, bytes) in worker.keptFiles { fileBytes[index] = bytes }
        }
        var lists = Set<[String]?>()
        for worker in reading.workers { lists.formUnion(worker.scaleLists) }
        let events = reading.workers.map {
            EventColumns(file: $0.file, line: $0.line, lineStart: $0.lineStart, shaState: $0.taskSHAState,
                         sha: $0.taskSHA, fields: $0.labelFields)
        }
        return ExportLabels(labelSet: reading.set, lookup: reading.lookup, sources: reading.sources, events: events,
                            workerBase: reading.workers.reduce(into: [0]) { $0.append($0.last! + $1.kind.count) },
                            fileBytes: fileBytes, scaleHint: SessionScale.hint(lists: lists))
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

    /// Calls `body` with the bytes of label `j`'s line (blanks around it trimmed).
    func withLine<Result>(_ j: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let (w, i) = place(of: j)
        return fileBytes[Int(events[w].file[i])].withUnsafeBytes { raw in body(Self.line(raw, from: events[w].lineStart[i])) }
    }

    /// Whether label `j` was made on the task line whose hash is `sha256`: its `task_sha256`
    /// equals it, or it names none.
    func madeOn(_ j: Int, sha256: String) -> Bool {
        let (w, i) = place(of: j)
        return Self.madeOn(state: events[w].shaState[i], stored: events[w].sha, at: 64 * i, sha256: sha256) {
            withLine(j) { line in Self.taskSHA256(line) == sha256 }
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

    /// Label `j` as the rows take it, every field read from its line exactly as
    /// `SessionReader` reads it.
    func label(_ j: Int) -> EffectiveLabel {
        withLine(j) { line in
            if let record = Self.record(line, file: file(of: j), line: lineNumber(of: j)) { return EffectiveLabel(record) }
            // Unreachable: the line read when the sessions were read, and its bytes are kept.
            let coded = labelSet.coded
            return EffectiveLabel(task: coded.itemNames[Int(coded.item[j])], rater: coded.raterNames[Int(coded.rater[j])],
                                  choice: choice(of: j), left: nil, ms: nil, taskSHA256: nil, file: file(of: j),
                                  line: lineNumber(of: j))
        }
    }

    /// The line that starts at `start`, without its `\n` and a `\r` before it.
    static func line(_ raw: UnsafeRawBufferPointer, from start: Int) -> UnsafeRawBufferPointer {
        guard let base = raw.baseAddress else { return raw }
        var start = start
        var end = memchr(base + start, 0x0A, raw.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
        // Blanks around the object (and the `\r` of a CRLF line) are no part of it.
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while start < end && isBlank(raw[start]) { start += 1 }
        while end > start && isBlank(raw[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: raw[start..<end])
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
    /// its event and file through four arrays in scattered places: in one loop the processor
    /// overlaps those cache misses; in the export they came one after another, per label.
    struct Visit: Sendable {
        let labels: ExportLabels
        /// Per visit position: the label.
        let order: [Int]
        private let file: [Int32]
        private let lineStart: [Int]
        private let choice: [Int32]
        private let shaState: [UInt8]
        /// 64 bytes per position.
        private let sha: [UInt8]
        /// Where the label's fields are in its line, when the fast path read it, and its side
        /// and milliseconds (for `labels` rows only).
        private let fields: [LabelFieldSpans?]
        private let left: [Int8]
        private let milliseconds: [Int]
        /// With `fields`: each label's line up to its last field, in visiting order, position
        /// `p`'s at `lineAt[p]`.
        private let lines: [UInt8]
        private let lineAt: [Int]

        init(_ labels: ExportLabels, _ order: [Int], workers: Int, fields gatherFields: Bool) {
            self.labels = labels
            self.order = order
            var file = [Int32](repeating: 0, count: order.count)
            var lineStart = [Int](repeating: 0, count: order.count)
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
            file.withUnsafeMutableBufferPointer { file in
            lineStart.withUnsafeMutableBufferPointer { lineStart in
            choice.withUnsafeMutableBufferPointer { choice in
            shaState.withUnsafeMutableBufferPointer { shaState in
            fields.withUnsafeMutableBufferPointer { fields in
            left.withUnsafeMutableBufferPointer { left in
            milliseconds.withUnsafeMutableBufferPointer { milliseconds in
            sha.withUnsafeMutableBytes { to in
                // Each part writes its own positions only, so the buffers are shared safely.
                let columns = Columns(file: file, lineStart: lineStart, choice: choice, shaState: shaState,
                                      sha: to, fields: fields, left: left, milliseconds: milliseconds)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let (file, lineStart, choice, shaState, to) = (columns.file, columns.lineStart, columns.choice,
                                                                   columns.shaState, columns.sha)
                    let (fields, left, milliseconds) = (columns.fields, columns.left, columns.milliseconds)
                    for p in (order.count * part / parts)..<(order.count * (part + 1) / parts) {
                        let j = order[p]
                        let (w, i) = ExportLabels.place(ofEvent: Int(sources[j]), workerBase: workerBase)
                        file[p] = events[w].file[i]
                        lineStart[p] = events[w].lineStart[i]
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
            self.file = file
            self.lineStart = lineStart
            self.choice = choice
            self.shaState = shaState
            self.sha = sha
            self.fields = fields
            self.left = left
            self.milliseconds = milliseconds
            // The lines themselves, up to their last field, copied in visiting order: read
            // here in a loop whose cache misses overlap, then front to back by the rows.
            var lineAt = [Int](repeating: 0, count: fields.count + 1)
            for p in fields.indices { lineAt[p + 1] = lineAt[p] + (fields[p]?.end ?? 0) }
            let total = lineAt[fields.count]
            let lineAtCopy = lineAt
            let count = fields.count
            self.lines = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
                let target = UnsafeMutableRawBufferPointer(buffer)
                let places = Places(target: target, file: file, lineStart: lineStart)
                DispatchQueue.concurrentPerform(iterations: total == 0 ? 0 : parts) { part in
                    for p in (count * part / parts)..<(count * (part + 1) / parts) {
                        let length = lineAtCopy[p + 1] - lineAtCopy[p]
                        guard length > 0 else { continue }
                        labels.fileBytes[Int(places.file[p])].withUnsafeBytes { raw in
                            memcpy(places.target.baseAddress! + lineAtCopy[p], raw.baseAddress! + places.lineStart[p], length)
                        }
                    }
                }
                initialized = total
            }
            self.lineAt = lineAt
        }

        /// The copy's destination and where each line is, handed to the parts of the copy.
        private struct Places: @unchecked Sendable {
            let target: UnsafeMutableRawBufferPointer
            let file: [Int32]
            let lineStart: [Int]
        }

        /// The gather's destination and source buffers, handed to its parts.
        private struct Columns: @unchecked Sendable {
            let file: UnsafeMutableBufferPointer<Int32>
            let lineStart: UnsafeMutableBufferPointer<Int>
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

        /// Calls `body` with the bytes of the label's line, where its string fields are in it,
        /// its side (0 A left, 1 B left, -1 none) and milliseconds; nil when the line is not of
        /// the usual shape (an escaped key, a field of another kind), which the reference
        /// decoding then reads.
        func withFields<Result>(_ p: Int, _ body: (UnsafeRawBufferPointer, LabelFieldSpans, Int8, Int) -> Result) -> Result? {
            if p < fields.count {
                guard let spans = fields[p] else { return nil }
                return lines.withUnsafeBytes { raw in
                    body(UnsafeRawBufferPointer(rebasing: raw[lineAt[p]..<lineAt[p + 1]]), spans, left[p], milliseconds[p])
                }
            }
            // Not gathered: the fields are found by walking the line (whose reading gave the
            // coded side and milliseconds).
            let j = order[p]
            return labels.withLine(j) { line in
                LabelFieldSpans(walking: line).map {
                    body(line, $0, labels.labelSet.coded.left[j], labels.labelSet.coded.milliseconds[j])
                }
            }
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
