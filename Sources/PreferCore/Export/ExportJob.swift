import Dispatch

/// The per-item work of an export, run on all cores over one batch of items at a time.
struct ExportJob: Sendable {
    let tasks: ExportTasks
    /// The effective labels in the order in which items take them (`ExportSelection.order`).
    let labels: ExportLabels.Visit
    let options: ExportOptions
    let categories: [String]
    /// `dpo`: true once a row has needed message lists, which fixes the file's format; from
    /// then on rows are written as lines at once instead of being held as pieces.
    var dpoConversational = false

    /// What one worker made from its share of a batch.
    struct Part: Sendable {
        var chunk = ExportChunk()
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
    func run(_ batch: ArraySlice<ExportItem>, workers: Int, buffers: ChunkPool, inputs: [ReadBuffer]) throws(ExportError) -> [Part] {
        let shares = Self.shares(batch.count, workers: workers)
        let results = JobResults<Result<Part, InputError>>(count: shares.count)
        let base = batch.startIndex
        DispatchQueue.concurrentPerform(iterations: shares.count) { k in
            var part = Part()
            part.chunk = buffers.take(k)
            let range = (base + shares[k].lowerBound)..<(base + shares[k].upperBound)
            results[k] = Result { () throws(InputError) in
                try make(batch[range], input: inputs[k], into: &part)
                part.chunk.finish()
                return part
            }
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
    private func make(_ items: ArraySlice<ExportItem>, input buffer: ReadBuffer, into part: inout Part) throws(InputError) {
        guard let first = items.first, let last = items.last else { return }
        // Items come in file order, so their lines lie in this one range.
        let base = first.offset
        let input = try tasks.read(base..<(last.offset + last.length), into: buffer)
        for item in items {
            let start = item.offset - base
            guard let task = TaskLinePieces.make(validated: UnsafeRawBufferPointer(rebasing: input[start..<(start + item.length)])) else {
                // The line was valid when the file was scanned and the file is unchanged; a
                // line that no longer reads is a bug, said plainly.
                throw InputError(file: tasks.path, line: item.line, reason: "could not be read again for the export")
            }
            var kept: [Int] = []
            kept.reserveCapacity(item.labels.count)
            for position in item.labels {
                guard labels.madeOn(position, sha256: task.sha256) else {
                    part.changedCount += 1
                    if part.changed.count < ExportSummary.warningLimit { part.changed.append(changedWarning(labels.label(position))) }
                    continue
                }
                kept.append(position)
            }
            guard !kept.isEmpty else { continue }
            part.items += 1
            part.labels += kept.count
            switch options.format {
            case .labels:
                LabelRows.append(task, kept, of: labels, to: &part.chunk)
                part.lines += kept.count
            case .aggregate:
                AggregateRows.append(task, choices: kept.map { labels.choice($0) }, categories: categories, to: &part.chunk.own)
                part.lines += 1
            case .dpo:
                let choices = kept.map { labels.choice($0) }
                let outcome = DPORows.decide(choices, options: options).flatMap {
                    DPORows.pieces(task, chosen: $0, choices: choices)
                }
                switch outcome {
                case .success(let row) where dpoConversational:
                    row.appendLine(conversational: true, to: &part.chunk.own)
                    part.lines += 1
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
        let pieces = min(count, max(1, workers) * 8)
        return (0..<pieces).map { k in (count * k / pieces)..<(count * (k + 1) / pieces) }
    }
}

/// Chunks kept from one batch to the next, one slot per share; a share's job is the only one
/// to touch its slot while a batch runs.
final class ChunkPool: @unchecked Sendable {
    private var slots: [ExportChunk]

    init(slots count: Int) {
        slots = Array(repeating: ExportChunk(), count: count)
    }

    /// The empty chunk of slot `k` (its capacity kept).
    func take(_ k: Int) -> ExportChunk {
        guard k < slots.count else { return ExportChunk() }
        var chunk = ExportChunk()
        swap(&chunk, &slots[k])
        chunk.removeAll()
        return chunk
    }

    /// Returns a chunk to slot `k` once its bytes are written.
    func give(_ chunk: inout ExportChunk, to k: Int) {
        guard k < slots.count else { return }
        swap(&chunk, &slots[k])
    }
}
