import Dispatch

/// The per-item work of an export, run on all cores over one batch of items at a time.
struct ExportJob: Sendable {
    let tasks: TaskFile
    let options: ExportOptions
    let categories: [String]

    /// What one worker made from its share of a batch.
    struct Part: Sendable {
        var bytes: [UInt8] = []
        var lines = 0
        var items = 0
        var labels = 0
        var rows: [DPORowRecord] = []
        var skipped: [DPOSkipReason: Int] = [:]
        /// Labels left out because their task changed since they were made.
        var changedCount = 0
        /// The first few of them, as warnings.
        var changed: [InputError] = []
    }

    /// Cuts `batch` into contiguous shares, one per job, and returns the parts in order.
    func run(_ batch: [ExportItem], workers: Int, conversational: Bool) throws(ExportError) -> [Part] {
        let shares = Self.shares(batch.count, workers: workers)
        let results = JobResults<Result<Part, InputError>>(count: shares.count)
        DispatchQueue.concurrentPerform(iterations: shares.count) { k in
            results[k] = Result { () throws(InputError) in try make(batch[shares[k]]) }
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

    /// The DPO rows of `rows` made again in the conversational format, in the same order.
    func remakeConversational(_ rows: [DPORowRecord], workers: Int) throws(ExportError) -> [DPORowRecord] {
        let shares = Self.shares(rows.count, workers: workers)
        let results = JobResults<Result<[DPORowRecord], InputError>>(count: shares.count)
        DispatchQueue.concurrentPerform(iterations: shares.count) { k in
            results[k] = Result { () throws(InputError) in
                var remade: [DPORowRecord] = []
                for var row in rows[shares[k]] {
                    let task = try tasks.task(at: row.taskIndex)
                    // The row was made from this task before, so it cannot fail now.
                    if case .success(let bytes) = DPORows.line(task, chosen: row.chosen, choices: row.choices, conversational: true) {
                        row.bytes = bytes
                        row.isConversational = true
                    }
                    remade.append(row)
                }
                return remade
            }
        }
        var out: [DPORowRecord] = []
        for k in shares.indices {
            do {
                out.append(contentsOf: try results[k]!.get())
            } catch {
                throw .input(error)
            }
        }
        return out
    }

    /// Reads each item's task, leaves out labels made on other content, and makes the lines.
    private func make(_ items: ArraySlice<ExportItem>) throws(InputError) -> Part {
        var part = Part()
        for item in items {
            let task = try tasks.task(at: item.taskIndex)
            var kept: [EffectiveLabel] = []
            kept.reserveCapacity(item.labels.count)
            for label in item.labels {
                if let made = label.taskSHA256, made != task.sha256 {
                    part.changedCount += 1
                    if part.changed.count < ExportSummary.warningLimit {
                        part.changed.append(changedWarning(label))
                    }
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
                makeDPO(task, item.taskIndex, kept.map(\.choice), into: &part)
            }
        }
        return part
    }

    private func makeDPO(_ task: PreferenceTask, _ index: Int, _ choices: [String], into part: inout Part) {
        let chosen: ResponseSide
        switch DPORows.decide(choices, options: options) {
        case .success(let side): chosen = side
        case .failure(let reason):
            part.skipped[reason, default: 0] += 1
            return
        }
        let conversational = DPOTexts.needsConversational(task.content)
        switch DPORows.line(task, chosen: chosen, choices: choices, conversational: conversational) {
        case .success(let bytes):
            part.rows.append(DPORowRecord(taskIndex: index, chosen: chosen, choices: choices, bytes: bytes,
                                          isConversational: conversational))
        case .failure(let reason):
            part.skipped[reason, default: 0] += 1
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
