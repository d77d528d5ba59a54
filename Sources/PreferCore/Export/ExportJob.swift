import Dispatch

/// The per-item work of an export: one share of items made into a part (`ExportStream` runs
/// the shares on every core).
struct ExportJob: Sendable {
    let tasks: LabeledTaskFile
    /// The effective labels in the order in which items take them (`ExportSelection.order`).
    let labels: ExportLabels.Visit
    let options: ExportOptions
    let categories: [String]
    /// The verdict in effect per item of the label set (SPEC §12), if any.
    let verdicts: [Int: EffectiveLabel]

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

    /// Reads the items' task lines in one piece, leaves out labels made on other content, and
    /// makes the lines.
    /// `dpoConversational`: a row has needed message lists, which fixes the file's format, so
    /// rows are written as lines at once instead of being held as pieces.
    func make(_ items: ArraySlice<ExportItem>, input buffer: ReadBuffer, dpoConversational: Bool,
              into part: inout Part) throws(InputError) {
        guard let first = items.first, let last = items.last else { return }
        // Items come in file order, so their lines lie in this one range.
        let base = first.offset
        let input = try tasks.read(base..<(last.offset + last.length), into: buffer)
        // One list of kept labels for the whole share, emptied per item (not one per item).
        var kept: [Int] = []
        var choices: [String] = []
        for item in items {
            let start = item.offset - base
            let line = UnsafeRawBufferPointer(rebasing: input[start..<(start + item.length)])
            guard let task = TaskLinePieces.make(validated: line) else {
                // The line was valid when the file was scanned and the file is unchanged; a
                // line that no longer reads is a bug, said plainly.
                throw InputError(file: tasks.path, line: item.line, reason: "could not be read again for the export")
            }
            kept.removeAll(keepingCapacity: true)
            for position in item.labels {
                guard labels.madeOn(position, sha256: task.sha256) else {
                    part.changedCount += 1
                    if part.changed.count < ExportSummary.warningLimit {
                        part.changed.append(LeftOutLabel.changedContent(labels.label(position)))
                    }
                    continue
                }
                kept.append(position)
            }
            guard !kept.isEmpty else { continue }
            part.items += 1
            part.labels += kept.count
            // A verdict holds only for the content it was made on, like a label.
            let verdict = verdicts[item.item].flatMap { v in v.taskSHA256 == nil || v.taskSHA256 == task.sha256 ? v : nil }
            switch options.format {
            case .labels:
                let typed = options.withAdjudications
                LabelRows.append(task, kept, of: labels, type: typed ? "label" : nil, to: &part.chunk)
                part.lines += kept.count
                if typed, let verdict {
                    LabelRows.append(task, [verdict], type: "adjudication", to: &part.chunk.own)
                    part.lines += 1
                }
            case .aggregate:
                choices.removeAll(keepingCapacity: true)
                for position in kept { choices.append(labels.choice(position)) }
                AggregateRows.append(task, choices: choices, categories: categories, verdict: verdict?.choice,
                                     to: &part.chunk.own)
                part.lines += 1
            case .dpo:
                choices.removeAll(keepingCapacity: true)
                for position in kept { choices.append(labels.choice(position)) }
                let outcome = DPORows.decide(choices, verdict: verdict?.choice, options: options).flatMap {
                    DPORows.pieces(task, chosen: $0.side, choices: choices, decidedBy: $0.decidedBy)
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
}
