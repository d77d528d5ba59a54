import ArgumentParser
import Foundation
import PreferCore
import PreferTUI
import PreferTerminal

/// `prefer label`: the rater's labeling screen.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Label pairs of responses: one key per choice, saved before the next task.",
        discussion: """
        With no options, run in the repository, it opens the bundled demo.

        Examples:
          prefer label
          prefer label --tasks batch-07.jsonl --rater ana
          prefer label --tasks likert.jsonl --scale likert5 --require-read
        """
    )

    @Option(name: .long, help: ArgumentHelp("The task file (JSONL).", valueName: "file"))
    var tasks: String = LabelDefaults.tasks

    @Option(name: .long, help: ArgumentHelp("The labeling guideline (Markdown).", valueName: "file"))
    var guideline: String = LabelDefaults.guideline

    @Option(name: .long, help: ArgumentHelp("Where session files are written.", valueName: "dir"))
    var sessions: String = LabelDefaults.sessions

    @Option(name: .long, help: ArgumentHelp("Rater name (default: your login).", valueName: "name"))
    var rater: String?

    @Option(name: .long, help: ArgumentHelp("pairwise or likert5.", valueName: "scale"))
    var scale: Scale = .pairwise

    @Flag(name: .long, help: "Refuse a choice until both responses were scrolled to their end.")
    var requireRead = false

    func run() throws {
        let plan = try LabelingPlan.prepare(
            tasksPath: tasks, guidelinePath: guideline, sessionsRoot: sessions,
            raterOverride: rater, scale: scale, requireRead: requireRead)
        try MainActor.assumeIsolated {
            try LabelingSitting(plan: plan).run()
        }
    }
}

extension Scale: ExpressibleByArgument {}

/// Where `prefer label` looks when given no options: the repository's demo.
enum LabelDefaults {
    static let tasks = "examples/demo/tasks.jsonl"
    static let guideline = "guidelines/default.md"
    static let sessions = "sessions"
}
