import Dispatch

/// The per-item work of an export, run on all cores over one batch of items at a time.
struct ExportJob: Sendable {
    let source: ExportTaskFile
    /// The effective labels, and the order in which items take them (`LabelSelection.order`).
    let labels: [EffectiveLabel]
    let order: [Int]
    let options: ExportOptions
    let categories: [String]

    /// What one worker made from its share of a batch.
    struct Part: Sendable {
        var bytes: [UInt8] = []
        var lines = 0
        var items = 0
        var labels = 0
        var rows: [DPORowPieces] = []
        var skipped: [DPOSkipReason: Int] = [:]
        /// Labels left out because their task changed since they were made.
        var changedCount = 0
        /// The first few of them, as warnings.
        var changed: [InputError] = []
    }

    /// Cuts `batch` into contiguous shares, one per job, and returns the parts in order.
    /// `buffers` hands each share a byte buffer from the last batch, so that large buffers
    /// are allocated (and their pages zeroed by the kernel) once rather than per batch.
    func run(_ batch: ArraySlice<ExportItem>, workers: Int, buffers: BufferPool, inputs: BufferPool) throws(ExportError) -> [Part] {
        let shares = Self.shares(batch.count, workers: workers)
        let results = JobResults<Result<Part, InputError>>(count: shares.count)
        let base = batch.startIndex
        DispatchQueue.concurrentPerform(iterations: shares.count) { k in
            var part = Part()
            part.bytes = buffers.take(k)
            var input = inputs.take(k)
            let range = (base + shares[k].lowerBound)..<(base + shares[k].upperBound)
            results[k] = Result { () throws(InputError) in
                try make(batch[range], input: &input, into: &part)
                return part
            }
            inputs.give(&input, to: k)
        }
        var parts: [Part] = []
        for k in shares.indices {
            do {
                parts.append(try results[k]!.get())
            } catch {
                throw .input(error)
            }
        }
        return parts
    }

    /// Reads the items' task lines in one piece, leaves out labels made on other content, and
    /// makes the lines.
    private func make(_ items: ArraySlice<ExportItem>, input: inout [UInt8], into part: inout Part) throws(InputError) {
        var found: [WantedLine] = []
        found.reserveCapacity(items.count)
        for item in items {
            guard let line = source.wantedLine(at: item.taskIndex) else {
                // Every labeled id was asked for when the file was read; a gap is a bug, said plainly.
                throw InputError(file: source.path, line: source.line(at: item.taskIndex),
                                 reason: "task \(JSONWriter.quoted(source.id(at: item.taskIndex))) was not read for the export")
            }
            found.append(line)
        }
        guard let first = found.first, let last = found.last else { return }
        let base = first.offset
        try source.read(base..<(last.offset + last.length), into: &input)
        for (item, line) in zip(items, found) {
            let task: TaskPieces = input.withUnsafeBytes { raw in
                TaskLinePieces.make(UnsafeRawBufferPointer(rebasing: raw[(line.offset - base)..<(line.offset - base + line.length)]),
                                    line.members, line.layout, id: line.id, sha256: line.sha256)
            }
            var kept: [EffectiveLabel] = []
            kept.reserveCapacity(item.labels.count)
            for position in order[item.labels] {
                let label = labels[position]
                if let made = label.taskSHA256, made != task.sha256 {
                    part.changedCount += 1
                    if part.changed.count < ExportSummary.warningLimit { part.changed.append(changedWarning(label)) }
                    continue
                }
                kept.append(label)
            }
            guard !kept.isEmpty else { continue }
            part.items += 1
            part.labels += kept.count
            switch options.format {
            case .labels:
                LabelRows.append(task, kept, to: &part.bytes)
                part.lines += kept.count
            case .aggregate:
                AggregateRows.append(task, kept, categories: categories, to: &part.bytes)
                part.lines += 1
            case .dpo:
                let choices = kept.map(\.choice)
                let outcome = DPORows.decide(choices, options: options).flatMap {
                    DPORows.pieces(task, chosen: $0, choices: choices)
                }
                switch outcome {
                case .success(let row): part.rows.append(row)
                case .failure(let reason): part.skipped[reason, default: 0] += 1
                }
            }
        }
    }

    private func changedWarning(_ label: EffectiveLabel) -> InputError {
        InputError(file: label.file, line: label.line,
                   reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) was made on other content (its task_sha256 differs from the task file's line); left out")
    }

    /// Contiguous index ranges, a few per worker so that uneven tasks still share the cores.
    static func shares(_ count: Int, workers: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let pieces = min(count, max(1, workers) * 4)
        return (0..<pieces).map { k in (count * k / pieces)..<(count * (k + 1) / pieces) }
    }
}

/// Byte buffers kept from one batch to the next, one slot per share; a share's job is the
/// only one to touch its slot while a batch runs.
final class BufferPool: @unchecked Sendable {
    private var slots: [[UInt8]]

    init(slots count: Int) {
        slots = Array(repeating: [], count: count)
    }

    /// The empty buffer of slot `k` (its capacity kept).
    func take(_ k: Int) -> [UInt8] {
        guard k < slots.count else { return [] }
        var buffer: [UInt8] = []
        swap(&buffer, &slots[k])
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Returns a buffer to slot `k` once its bytes are written.
    func give(_ buffer: inout [UInt8], to k: Int) {
        guard k < slots.count else { return }
        swap(&buffer, &slots[k])
    }
}
