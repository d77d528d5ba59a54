import Dispatch
import Foundation

/// Runs an export: groups effective labels into items of the task file, reads each item's
/// task line back once, and streams the lines in task-file order to a sink.
///
/// The items are cut into shares that all cores turn into bytes; the parts are written in
/// order (`ExportStream`), so the output is the same bytes whatever the number of cores.
public enum Exporter {
    /// Exports the effective labels of `labels` against `tasks` (loaded for those labels).
    public static func export(tasks: LabeledTaskFile, labels: ExportLabels, options: ExportOptions, to sink: ExportSink,
                              workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ExportError) -> ExportSummary {
        precondition(options.format != .labels || labels.keeping != .checks, "labels rows need the label fields kept")
        var summary = ExportSummary()
        let selection = ExportSelection(labels, tasks)
        summary.unknownTaskLabels = selection.unknownTask.count
        for j in selection.unknownTask where summary.firstUnknownTaskIds.count < ExportSummary.warningLimit {
            let id = labels.labelSet.coded.itemNames[Int(labels.labelSet.coded.item[j])]
            if !summary.firstUnknownTaskIds.contains(id) { summary.firstUnknownTaskIds.append(id) }
        }
        for j in selection.unknownTask.prefix(ExportSummary.warningLimit) {
            let label = labels.label(j)
            summary.warnings.append(LeftOutLabel.unknownTask(label, tasksPath: tasks.path))
        }
        // The categories depend on which choices occur, not how often: one name per choice used.
        let categories = options.format == .aggregate
            ? SessionScale.categories(of: labels.choices(usedBy: selection.order), hint: labels.scaleHint) : []
        guard !selection.items.isEmpty else { return summary }
        let visit = labels.visiting(selection.order, workers: workers, fields: options.format == .labels)
        var itemOf: [String: Int] = [:]
        for (k, name) in labels.labelSet.coded.itemNames.enumerated() { itemOf[name] = k }
        var verdicts: [Int: EffectiveLabel] = [:]
        for verdict in labels.labelSet.verdicts { if let item = itemOf[verdict.task] { verdicts[item] = verdict } }
        let job = ExportJob(tasks: tasks, labels: visit, options: options, categories: categories, verdicts: verdicts)
        // DPO rows use one format for the whole file: message lists as soon as one row needs
        // them. Rows are held as pieces only until such a row comes (or to the end, when none
        // does); from then on the workers write them as lines.
        return try ExportStream(job: job, items: selection.items, sink: sink, summary: summary, workers: workers)
            .run(workers: workers)
    }

    /// Writes held DPO rows in the file's one format: message lists for every row when any
    /// row needs them (TRL and `datasets` want one type per column), strings otherwise.
    static func writeDPO(_ rows: [DPORowPieces], conversational: Bool, summary: inout ExportSummary,
                         to sink: ExportSink) throws(ExportError) {
        var buffer: [UInt8] = []
        for row in rows {
            row.appendLine(conversational: conversational, to: &buffer)
            if buffer.count >= 1 << 22 {
                try sink.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink.write(buffer) }
        summary.rows += rows.count
    }

    /// The lines of an export in memory (for tests and small exports).
    public static func data(tasks: LabeledTaskFile, labels: ExportLabels, options: ExportOptions,
                            workers: Int = 1) throws(ExportError) -> (bytes: [UInt8], summary: ExportSummary) {
        let sink = MemorySink()
        let summary = try export(tasks: tasks, labels: labels, options: options, to: sink, workers: workers)
        return (sink.bytes, summary)
    }
}
