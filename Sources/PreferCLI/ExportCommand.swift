import ArgumentParser
import Foundation
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// `prefer export`: effective labels as JSONL for training and evaluation pipelines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write effective labels as JSONL: one line per label, per item, or per DPO pair.",
        discussion: """
        PATHs are session files or folders (every *.jsonl below them); the default is sessions/. Only effective labels are exported: an undo retracts a label, a relabel replaces it. Lines come in task-file order, then by rater. Strings are escaped so that the output is safe to cat. With -o a regular file is replaced atomically (temporary file, fsync, rename; its mode kept), a device or FIFO such as /dev/null is written in place, and a session file is refused; otherwise the lines go to stdout. Warnings (a torn session tail, labels of unknown or changed tasks) and a summary go to stderr. docs/EXPORT.md describes every field.

        Formats:
          labels     one line per effective label, with the task's prompt and responses
          aggregate  one line per item: n, counts per choice, majority, agreement
          dpo        one line per item whose majority is A or B: prompt, chosen,
                     rejected (TRL's preference format); ties, both_bad and splits
                     give no row

        Examples:
          prefer export --tasks batch-07.jsonl > labels.jsonl
          prefer export sessions/ --tasks batch-07.jsonl --format aggregate \\
            -o aggregate.jsonl
          prefer export --tasks batch-07.jsonl --format dpo --min-votes 3 \\
            --min-agreement 0.66 -o dpo.jsonl
        """
    )

    @Argument(help: ArgumentHelp("Session files or folders (default: sessions).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("The task file the labels belong to.", valueName: "file"))
    var tasks: String

    @Option(name: .long, help: ArgumentHelp("What one line is.", valueName: "format"))
    var format: ExportFormat = .labels

    @Option(name: .short, help: ArgumentHelp("Write to this file (replaced atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Leave out session files this account may not read (each named, then counted) instead of failing.")
    var skipUnreadable = false

    @Option(name: .long, help: ArgumentHelp("dpo: only items with at least N labels (default 1).", valueName: "N"))
    var minVotes: Int?

    @Option(name: .long, help: ArgumentHelp("dpo: only items whose winning share of labels is at least X, 0…1 (default 0).", valueName: "X"))
    var minAgreement: Double?

    @Flag(name: .long, help: "labels: also one line per lead's verdict (rater = the lead); every line then has a type.")
    var withAdjudications = false

    func validate() throws {
        if let minVotes, minVotes < 1 { throw ValidationError("--min-votes must be at least 1") }
        if let minAgreement, !(0...1).contains(minAgreement) { throw ValidationError("--min-agreement must be between 0 and 1") }
        if format != .dpo && (minVotes != nil || minAgreement != nil) {
            throw ValidationError("--min-votes and --min-agreement apply to --format dpo only")
        }
        if withAdjudications && format != .labels {
            throw ValidationError("--with-adjudications applies to --format labels only (aggregate and dpo always use verdicts)")
        }
    }

    func run() throws {
        var inputs: ExportRun.Inputs?
        try ExportRun(command: self).execute(standardOutput: StandardStream.output.sink,
                                             note: Diagnostics.note, warning: Diagnostics.warning, keeping: &inputs)
        // Done and written: end the process here rather than free hundreds of thousands of
        // session records one by one on the way out (a tenth of a second for nothing).
        withExtendedLifetime(inputs) { Foundation.exit(0) }
    }
}

extension ExportFormat: ExpressibleByArgument {}

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
            // A file another account locked away is a runtime failure, not bad input.
            if error.isOnlyUnreadableFiles { throw CommandFailure.runtime(error.description + "\nNothing was exported.") }
            throw CommandFailure.badInput(error.description + "\nNothing was exported.")
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
