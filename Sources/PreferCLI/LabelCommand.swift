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
        Without --tasks it opens the demo task set built into prefer (from any folder);
        without --guideline it shows the built-in default guideline.

        Examples:
          prefer label
          prefer label --tasks batch-07.jsonl --rater ana
          prefer label --tasks likert.jsonl --scale likert5 --require-read
          prefer label --batch batch-07.toml --rater ana

        With --batch every setting (tasks, guideline, scale, require-read) comes from the
        batch file and each next task is routed (see README, "Running a crowd batch").
        """
    )

    @Option(name: .long, help: ArgumentHelp("The task file (JSONL; default: the built-in demo).", valueName: "file"))
    var tasks: String?

    @Option(name: .long, help: ArgumentHelp("The labeling guideline (Markdown; default: the built-in guideline).", valueName: "file"))
    var guideline: String?

    @Option(name: .long, help: ArgumentHelp("A batch file (TOML): tasks, guideline and routing set by the lead.", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("Where session files are written.", valueName: "dir"))
    var sessions: String = LabelDefaults.sessions

    @Option(name: .long, help: ArgumentHelp("Rater name (default: your login).", valueName: "name"))
    var rater: String?

    @Option(name: .long, help: ArgumentHelp("pairwise or likert5 (default: pairwise).", valueName: "scale"))
    var scale: Scale?

    @Flag(name: .long, help: "Refuse a choice until both responses were scrolled to their end.")
    var requireRead = false

    func validate() throws {
        guard batch != nil else { return }
        let clashing = [tasks.map { _ in "--tasks" }, guideline.map { _ in "--guideline" },
                        scale.map { _ in "--scale" }, requireRead ? "--require-read" : nil].compactMap { $0 }
        if !clashing.isEmpty {
            throw ValidationError("--batch sets the tasks, guideline, scale and require-read itself; leave out \(clashing.joined(separator: ", "))")
        }
    }

    func run() throws {
        let plan: LabelingPlan
        if let batch {
            plan = try LabelingPlan.prepare(batchPath: batch, sessionsRoot: sessions, raterOverride: rater)
        } else {
            plan = try LabelingPlan.prepare(
                tasksPath: tasks, guidelinePath: guideline, sessionsRoot: sessions,
                raterOverride: rater, scale: scale ?? .pairwise, requireRead: requireRead)
        }
        try MainActor.assumeIsolated {
            try LabelingSitting(plan: plan).run()
        }
    }
}

extension Scale: ExpressibleByArgument {}
