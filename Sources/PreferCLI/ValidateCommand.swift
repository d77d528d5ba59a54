import ArgumentParser
import Foundation
import PreferCore

/// `prefer validate`: checks task, guideline, session and gold files with the same code and
/// messages the other commands use.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check task, guideline, session and gold files; report FILE:LINE: reason.",
        discussion: """
        The kind of each file is told from its name and content: Markdown (.md) is a
        guideline, TOML (.toml) is a batch file (its task, guideline and gold files are
        checked with it), a folder or JSONL whose lines have "type" is a session file, JSONL whose
        lines have "task" and "choice" but no "id" is a gold file, other JSONL is a task file.

        Session files are checked line by line: damage before the last line, a choice off the sitting's scale and (with --tasks) a task id the task file lacks are errors; a torn last line, an unknown event type and (with --tasks) a label made on other content are warnings. With --tasks, a gold answer for a task the file lacks is an error. Warnings do not fail the check.

        Examples:
          prefer validate examples/demo/tasks.jsonl guidelines/default.md
          prefer validate sessions/
          prefer validate --tasks batch-07.jsonl gold.jsonl sessions/
          prefer validate batch-07.toml
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Check gold and session task ids against this task file.", valueName: "file"))
    var tasks: String?

    @Flag(name: .long, help: "Leave out session files this account may not read (each named, then counted) instead of failing.")
    var skipUnreadable = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
    }

    func run() throws {
        var failed = false
        // Whether only files this account may not read had problems (`CommandFailure.reading`).
        var onlyUnreadable = true
        let taskFile = try tasks.map { tasks in
            try CommandFailure.asBadInput(adding: "\n(the --tasks file must be valid to check ids against it)") {
                try TaskFile.load(path: tasks)
            }
        }
        for file in files {
            let summary: String
            do {
                summary = try InputFileCheck.check(file, tasks: taskFile, skipUnreadable: skipUnreadable)
            } catch let failure as ValidationFailure {
                Diagnostics.raw(failure.description)
                failed = true
                onlyUnreadable = onlyUnreadable && failure.isOnlyUnreadableFiles
                continue
            } catch {
                Diagnostics.raw(String(describing: error))
                failed = true
                onlyUnreadable = false
                continue
            }
            // The ok lines are the command's result: stdout, so `prefer validate … | grep` works.
            try Diagnostics.result("\(file): ok (\(summary))")
        }
        if failed {
            throw CommandFailure.reading("some files have problems (see above)", onlyUnreadable: onlyUnreadable)
        }
    }
}
