import ArgumentParser
import Foundation
import PreferCore
import PreferTUI

/// `prefer review`: the lead's screen for settling contested items (SPEC §12).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Settle contested items: see every rater's label, record a verdict with the choice keys.",
        discussion: """
        The queue holds items with two or more labels that disagree: those without a strict
        majority first, then by lowest agreement. Each verdict is an "adjudication" event in
        your own session file (sessions/<you>/), saved before the screen moves on; reports
        count verdicts and accuracy against them, and the aggregate and dpo exports use a
        verdict over the majority. Reopening resumes at the first item without a verdict.

        Examples:
          prefer review --batch batch-07.toml --rater lee
          prefer review sessions/ --tasks batch-07.jsonl --min-agreement 0.7
          prefer review --tasks batch-07.jsonl --show-models
        """
    )

    @Argument(help: ArgumentHelp("Raters' session files or folders (default: the --sessions folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("A batch file (TOML): its tasks, guideline and scale.", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("The task file the labels were made on (JSONL).", valueName: "file"))
    var tasks: String?

    @Option(name: .long, help: ArgumentHelp("The guideline shown on g (default: the built-in guideline).", valueName: "file"))
    var guideline: String?

    @Option(name: .long, help: ArgumentHelp("Where your own session file is written (and read from by default).", valueName: "dir"))
    var sessions: String = LabelDefaults.sessions

    @Option(name: .long, help: ArgumentHelp("Your name as lead (default: your login).", valueName: "name"))
    var rater: String?

    @Option(name: .long, help: ArgumentHelp("pairwise or likert5 (default: the batch's, else from the labels).", valueName: "scale"))
    var scale: Scale?

    @Option(name: .long, help: ArgumentHelp("Also review items with a majority whose share of labels is below X (0–1; default 1: any disagreement).", valueName: "x"))
    var minAgreement: Double?

    @Flag(name: .long, help: "Show model_a and model_b on the response panes (hidden by default).")
    var showModels = false

    func validate() throws {
        if batch != nil, tasks != nil || guideline != nil || scale != nil {
            throw ValidationError("--batch sets the tasks, guideline and scale itself; leave out --tasks, --guideline and --scale")
        }
        if let minAgreement, !(0...1).contains(minAgreement) {
            throw ValidationError("--min-agreement must be between 0 and 1, found \(minAgreement)")
        }
    }

    func run() throws {
        let plan = try ReviewPlan.prepare(.init(
            batchPath: batch, tasksPath: tasks, guidelinePath: guideline, paths: paths, sessionsRoot: sessions,
            leadOverride: rater, scale: scale, minAgreement: minAgreement))
        for warning in plan.warnings { Diagnostics.warning(warning) }
        try MainActor.assumeIsolated {
            try ReviewSitting(plan: plan, showModels: showModels).run()
        }
    }
}
