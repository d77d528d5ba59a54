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
