import Dispatch
import Foundation

/// Runs an export: groups effective labels into items of the task file, reads each item's
/// task once, and streams the lines in task-file order to a sink.
///
/// The work is cut into batches of items that all cores turn into bytes at once; batches are
/// written in order, so the output is the same bytes whatever the number of cores.
public enum Exporter {
    /// Exports `labels` (effective labels, e.g. from `EffectiveLabelIndex.compute`) against
    /// `tasks`, which must have been loaded wanting every labeled task id
    /// (`ExportTaskFile.load(path:wanted:)`); `scaleHint` (from `SessionScale.hint`) names the
    /// categories of `aggregate`.
    public static func export(tasks: ExportTaskFile, labels: [EffectiveLabel], scaleHint: Scale? = nil,
                              options: ExportOptions, to sink: ExportSink,
                              workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ExportError) -> ExportSummary {
        var summary = ExportSummary()
        let selection = LabelSelection.group(labels, taskCount: tasks.count, index: tasks.index(of:))
        summary.unknownTaskLabels = selection.unknownTask.count
        for label in selection.unknownTask.prefix(ExportSummary.warningLimit).map({ labels[$0] }) {
            summary.warnings.append(InputError(file: label.file, line: label.line,
                reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) names no task in \(displayedPath(tasks.path)); left out"))
        }
        let categories = options.format == .aggregate
            ? SessionScale.categories(of: selection.order.map { labels[$0].choice }, hint: scaleHint) : []
        guard !selection.items.isEmpty else { return summary }
        let job = ExportJob(source: tasks, labels: labels, order: selection.order, options: options, categories: categories)

        var rows: [DPORowPieces] = []
        var changed: [InputError] = []
        let batchSize = 256 * max(workers, 1)
        let buffers = BufferPool(slots: ExportJob.shares(batchSize, workers: workers).count)
        let inputs = BufferPool(slots: ExportJob.shares(batchSize, workers: workers).count)
        var start = 0
        while start < selection.items.count {
            let batch = selection.items[start..<min(start + batchSize, selection.items.count)]
            start += batch.count
            for (k, var part) in try job.run(batch, workers: workers, buffers: buffers, inputs: inputs).enumerated() {
                summary.items += part.items
                summary.labels += part.labels
                summary.changedTaskLabels += part.changedCount
                changed.append(contentsOf: part.changed.prefix(max(0, ExportSummary.warningLimit - changed.count)))
                for (reason, count) in part.skipped { summary.skipped[reason, default: 0] += count }
                rows.append(contentsOf: part.rows)
                if !part.bytes.isEmpty {
                    try sink.write(part.bytes)
                    summary.rows += part.lines
                }
                buffers.give(&part.bytes, to: k)
            }
        }
        summary.warnings.append(contentsOf: changed)
        if options.format == .dpo {
            try writeDPO(rows, summary: &summary, to: sink)
        }
        return summary
    }

    /// Writes the DPO rows in one format for the whole file: message lists for every row when
    /// any row needs them (TRL and `datasets` want one type per column), strings otherwise.
    private static func writeDPO(_ rows: [DPORowPieces], summary: inout ExportSummary, to sink: ExportSink) throws(ExportError) {
        summary.conversational = rows.contains { !$0.isPlainText }
        var buffer: [UInt8] = []
        for row in rows {
            row.appendLine(conversational: summary.conversational, to: &buffer)
            if buffer.count >= 1 << 22 {
                try sink.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink.write(buffer) }
        summary.rows = rows.count
    }

    /// The lines of `labels` in `format`, in memory (for tests and small exports).
    public static func data(tasks: ExportTaskFile, labels: [EffectiveLabel], scaleHint: Scale? = nil,
                            options: ExportOptions, workers: Int = 1) throws(ExportError) -> (bytes: [UInt8], summary: ExportSummary) {
        let sink = MemorySink()
        let summary = try export(tasks: tasks, labels: labels, scaleHint: scaleHint, options: options,
                                 to: sink, workers: workers)
        return (sink.bytes, summary)
    }
}
