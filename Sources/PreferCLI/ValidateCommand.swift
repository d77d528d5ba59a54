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
        // Only files this account may not read: a runtime failure (exit 1), not bad input.
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
            throw CommandFailure(message: "some files have problems (see above)", exitCode: onlyUnreadable ? 1 : 2)
        }
    }
}

/// Decides what kind of input a file is and validates it.
enum InputFileCheck {
    enum Kind { case tasks, guideline, sessions, gold, batch }

    static func check(_ path: String, tasks: TaskFile? = nil, skipUnreadable: Bool = false) throws -> String {
        switch try kind(of: path) {
        case .guideline:
            let guideline = try Guideline.load(path: path)
            return "guideline, " + Counted.noun(guideline.text.split(separator: "\n", omittingEmptySubsequences: false).count, "line")
        case .tasks:
            let tasks = try TaskFile.load(path: path)
            return Counted.noun(tasks.count, "task")
        case .sessions:
            let result = SessionFileCheck.check(paths: [path], tasks: tasks, skipUnreadable: skipUnreadable)
            return try outcome(result)
        case .batch:
            let inputs = try BatchInputs.open(BatchFile.load(path: path))
            let batch = inputs.batch
            var parts = ["batch \(JSONWriter.quoted(batch.name))", Counted.noun(inputs.tasks.count, "task"),
                         "overlap \(batch.overlap)" + (batch.maxOverlap > batch.overlap ? "–\(batch.maxOverlap)" : "")]
            if !inputs.goldIndices.isEmpty { parts.append(Counted.noun(inputs.goldIndices.count, "gold task")) }
            if let raters = batch.raters { parts.append(Counted.noun(raters.count, "rater")) }
            return parts.joined(separator: ", ")
        case .gold:
            let gold = try GoldFile.load(path: path)
            let errors = tasks.map(gold.errors(against:)) ?? []
            return try outcome(FileCheckResult(errors: errors, warnings: gold.warnings,
                                               summary: Counted.noun(gold.answers.count, "gold answer")))
        }
    }

    /// Prints the warnings; throws the errors (at most `SessionReader.errorLimit` of them).
    private static func outcome(_ result: FileCheckResult) throws -> String {
        for warning in result.warnings { Diagnostics.warning(warning.description) }
        guard result.errors.isEmpty else {
            let limit = SessionReader.errorLimit
            throw ValidationFailure(errors: Array(result.errors.prefix(limit)), omitted: max(0, result.errors.count - limit))
        }
        return result.summary
    }

    static func kind(of path: String) throws -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { return .sessions }
        // Opening a FIFO to look at it would wait for a writer; a device could be read forever.
        if let kind = FileKind.of(path), kind != S_IFREG {
            throw InputError(file: path, reason: "is \(FileKind.name(kind)), not a regular file")
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".txt") { return .guideline }
        if lower.hasSuffix(".toml") { return .batch }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let firstLine = head.split(separator: 0x0A).first { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        guard let line = firstLine, let value = try? JSONParser.parse(String(decoding: line, as: UTF8.self)) else {
            return .tasks
        }
        if value["type"] != nil { return .sessions }
        if value["id"] == nil, value["task"] != nil, value["choice"] != nil { return .gold }
        return .tasks
    }
}
