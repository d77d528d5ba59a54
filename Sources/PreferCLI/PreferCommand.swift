import ArgumentParser
import Foundation
import PreferCore

/// The root `prefer` command: one subcommand per job.
public struct PreferCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "prefer",
        abstract: "Human preference labeling of LLM responses, in the terminal.",
        discussion: """
        Raters run `prefer label`; leads check files with `prefer validate`.
        Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.
        """,
        version: PreferVersion.string,
        subcommands: [LabelCommand.self, ReviewCommand.self, ValidateCommand.self, ReportCommand.self, ExportCommand.self,
                      MakeTasksCommand.self, StatusCommand.self, RatersCommand.self, ServeCommand.self]
    )

    public init() {}

    /// Parses the process arguments, runs the command and exits with the documented status
    /// (argument-parser's own usage errors become 2, not 64).
    public static func runAndExit() -> Never {
        let names = configuration.subcommands.map { $0._commandName }
        if let problem = SubcommandSuggestion.problem(arguments: Array(CommandLine.arguments.dropFirst()), names: names) {
            Diagnostics.error(problem)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            Diagnostics.error(failure.message)
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help, version and completion scripts are the result: a failed write is a failure.
                let failure = StandardStream.output.write(fullMessage(for: error) + "\n")
                Foundation.exit(failure == 0 ? 0 : 1)
            }
            Diagnostics.raw(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
