import ArgumentParser
import Foundation
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// `prefer report`: agreement, rater diagnostics and win rates from session files (SPEC §6, §8).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Agreement, rater diagnostics and model win rates from session files.",
        discussion: """
        PATHs are session files or folders, searched recursively for *.jsonl
        (default: sessions/). Only effective labels count: undo retracts, the
        latest label wins. Labels from another tool or an LLM judge can be
        minimal lines, {"type":"label","rater":"judge","task":"t1","choice":"A"};
        they count as one more rater. A torn last line is skipped with a
        warning; a damaged line elsewhere stops the report (exit 2, FILE:LINE).

        Examples:
          prefer report
          prefer report sessions/ --tasks tasks.jsonl --gold gold.jsonl
          prefer report --format json --bootstrap 2000 --seed 7 > report.json
          prefer report --format markdown --tasks tasks.jsonl >> notes.md
          prefer report judge-labels.jsonl sessions/ --bootstrap 0
          prefer report --categories 1,2,3,4,5     # numbers are ordered
          prefer report --categories bad,ok,good --ordinal
          prefer report --tasks tasks.jsonl --by category
          prefer report --tasks tasks.jsonl --format html > report.html
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
    }

    @Argument(help: ArgumentHelp("Session files or folders (default: sessions/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Task file, for model names (win rates, ratings).", valueName: "file"))
    var tasks: String?

    @Option(name: .long, help: ArgumentHelp("Gold answers, one {\"task\",\"choice\"} per line.", valueName: "file"))
    var gold: String?

    @Option(name: .long, help: "Output format: text, json, markdown or html (one self-contained page with plots).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamples for the 95% intervals; 0 turns them off.", valueName: "n"))
    var bootstrap: Int = 1000

    @Option(name: .long, help: ArgumentHelp("Seed of the bootstrap; the same seed gives the same output.", valueName: "s"))
    var seed: UInt64 = 0

    @Option(name: .long, help: ArgumentHelp("The categories, in order, comma-separated.", valueName: "c1,c2,…"))
    var categories: String?

    @Flag(name: .long, help: "Treat the categories as ordered (in the declared order).")
    var ordinal = false

    @Flag(name: .long, help: "Leave out session files this account may not read (each named, then counted) instead of failing.")
    var skipUnreadable = false

    @Option(name: .customLong("by"), help: ArgumentHelp("Break agreement, win rates and ratings down by this task key (needs --tasks).", valueName: "key"))
    var groupBy: String?

    func validate() throws {
        if bootstrap < 0 { throw ValidationError("--bootstrap must be 0 or more") }
        if groupBy != nil && tasks == nil { throw ValidationError("--by reads the key from the task file: give --tasks FILE") }
        if let groupBy, groupBy.isEmpty { throw ValidationError("--by needs a key name, such as --by category") }
    }

    func run() throws {
        var options = ReportOptions(
            sessionPaths: paths.isEmpty ? ["sessions"] : paths, tasksPath: tasks, goldPath: gold,
            categories: categories.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) },
            ordinal: ordinal, bootstrap: BootstrapSettings(resamples: bootstrap, seed: seed), groupBy: groupBy)
        options.skipUnreadable = skipUnreadable
        let report: Report
        do {
            report = try ReportBuilder.build(options)
        } catch {
            guard case .input(let failure) = error else { throw CommandFailure.badInput(error.description) }
            throw CommandFailure.reading(error.description, onlyUnreadable: failure.isOnlyUnreadableFiles)
        }
        for warning in report.warnings { Diagnostics.warning(warning.description) }
        // A page of dashes is not a report: no effective label is a failure that says what was read.
        if report.summary.labels == 0, report.coverage.labelsRead > 0, let tasks {
            throw CommandFailure.runtime(EmptyInputWords.noneForTasks(labels: report.coverage.labelsRead, tasksPath: tasks,
                unknownIds: report.coverage.firstUnknownTaskIds, unknown: report.coverage.leftOutUnknownTask,
                changed: report.coverage.leftOutChangedContent) + " Nothing to report.")
        }
        if report.summary.labels == 0 {
            throw CommandFailure.runtime(EmptyInputWords.noLabels(files: report.coverage.files, labelEvents: report.coverage.labelEvents,
                                                                 undoEvents: report.coverage.undoEvents, skipEvents: report.coverage.skipEvents) + "; nothing to report.")
        }
        let output: String
        switch format {
        case .json: output = ReportJSON.render(report)
        case .markdown: output = ReportMarkdownRenderer.render(report)
        case .html: output = ReportHTMLRenderer.render(report)
        case .text: output = ReportTextRenderer.render(report, color: Self.colorWanted())
        }
        try Diagnostics.output(output, naming: "the report")
    }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
    static func colorWanted(environment: [String: String] = ProcessInfo.processInfo.environment,
                            isTerminal: Bool = isatty(STDOUT_FILENO) == 1) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
