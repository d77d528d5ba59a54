import Foundation
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// One export, with its output and messages passed in so that tests can run it whole.
struct ExportRun {
    var sessionPaths: [String]
    var tasksPath: String
    var options: ExportOptions
    var outputPath: String?
    var skipUnreadable = false

    init(command: ExportCommand) {
        sessionPaths = command.paths.isEmpty ? [LabelDefaults.sessions] : command.paths
        tasksPath = command.tasks
        options = ExportOptions(format: command.format, minVotes: command.minVotes ?? 1,
                                minAgreement: command.minAgreement ?? 0, withAdjudications: command.withAdjudications)
        outputPath = command.output
        skipUnreadable = command.skipUnreadable
    }

    /// Reads, exports and writes; bad input is exit 2, a failed write exit 1.
    /// The inputs an export read, handed back so that the caller decides when they are freed.
    struct Inputs {
        var tasks: LabeledTaskFile
        var labels: ExportLabels
    }

    @discardableResult
    func execute(standardOutput: ExportSink, note: (String) -> Void, warning: (String) -> Void) throws -> ExportSummary {
        var inputs: Inputs?
        return try execute(standardOutput: standardOutput, note: note, warning: warning, keeping: &inputs)
    }

    @discardableResult
    func execute(standardOutput: ExportSink, note: (String) -> Void, warning: (String) -> Void,
                 keeping inputs: inout Inputs?) throws -> ExportSummary {
        let labels: ExportLabels
        let tasks: LabeledTaskFile
        do {
            // Read once: sessions replayed, every task line validated, the labeled ones located.
            (labels, tasks) = try ExportInputs.read(sessionPaths: sessionPaths, tasksPath: tasksPath,
                                                    keeping: .needed(by: options.format), skipUnreadable: skipUnreadable)
        } catch {
            throw CommandFailure.reading(error.description + "\nNothing was exported.", onlyUnreadable: error.isOnlyUnreadableFiles)
        }
        for torn in labels.labelSet.warnings { warning(torn.description) }
        for pooled in SittingVersion.poolingWarnings(labels.labelSet.sittingVersions) { warning(pooled) }
        // An export of nothing is not a success: the lead asked for labels and there are none.
        if labels.count == 0 {
            throw CommandFailure.runtime(EmptyInputWords.noLabels(labels.labelSet) + "; nothing was exported.")
        }
        var target: OutputTarget?
        if let outputPath {
            try refuseOverwritingAnInput(outputPath, inputs: [tasksPath] + labels.labelSet.files)
            target = try CommandFailure.asBadInput(adding: "\nNothing was exported.") {
                try OutputTarget.resolve(outputPath, newFileMode: 0o640)
            }
        }

        let writer = try CommandFailure.asRuntime { try target.map { try $0.open() } }
        let summary: ExportSummary
        do {
            summary = try Exporter.export(tasks: tasks, labels: labels, options: options, to: writer ?? standardOutput)
            // Labels that all miss the task file write no line (so nothing reached stdout);
            // the -o target stays as it was.
            if summary.labels == 0 {
                writer?.discard()
                for item in summary.warnings { warning(item.description) }
                throw CommandFailure.runtime(EmptyInputWords.noneForTasks(labels: labels.count, tasksPath: tasksPath,
                    unknownIds: summary.firstUnknownTaskIds, unknown: summary.unknownTaskLabels,
                    changed: summary.changedTaskLabels) + " Nothing was exported.")
            }
            try writer?.commit()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            writer?.discard()
            let rest = outputPath == nil || writer?.writesInPlace == true ? " after that point" : "; \(outputPath!) is unchanged"
            throw CommandFailure.runtime(String(describing: error) + "\nNothing was exported\(rest).")
        }
        report(summary, labelsRead: labels.count, note: note, warning: warning)
        inputs = Inputs(tasks: tasks, labels: labels)
        return summary
    }

    private func report(_ summary: ExportSummary, labelsRead: Int, note: (String) -> Void, warning: (String) -> Void) {
        for item in summary.warnings { warning(item.description) }
        // The count, always: the lines above name at most the first few.
        if summary.unknownTaskLabels > 0 || summary.changedTaskLabels > 0 {
            warning(LeftOutLabel.total(unknownTask: summary.unknownTaskLabels, changedContent: summary.changedTaskLabels,
                                       tasksPath: tasksPath))
        }
        let target = outputPath ?? "stdout"
        var line = "\(options.format.rawValue) export: \(Counted.noun(summary.rows, "line")) to \(target) from \(Counted.noun(summary.labels, "effective label")) on \(Counted.noun(summary.items, "item"))"
        if options.format == .dpo {
            line += summary.conversational ? " (conversational format)" : " (standard format)"
            let skipped = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
            if !skipped.isEmpty { line += "; no row for " + skipped.joined(separator: ", ") }
        }
        note(line)
    }

    /// `-o` must not name the task file or a session file: replacing it would destroy the input.
    private func refuseOverwritingAnInput(_ output: String, inputs: [String]) throws {
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        for input in inputs {
            var info = stat()
            if stat(input, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino {
                throw CommandFailure.badInput("-o \(output) is an input of this export (\(input)); choose another file")
            }
        }
    }
}
