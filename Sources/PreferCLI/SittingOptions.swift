import ArgumentParser
import Foundation
import PreferCore

/// What a rater's sitting labels, as `prefer raters add` and `prefer serve` both take it:
/// `--batch FILE` (or a plain `--tasks FILE`) and `--sessions DIR`. Turned into the one
/// `LabelLaunch` both commands start sittings with.
struct SittingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The batch file raters label (SPEC §10).", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("A plain task file instead of a batch.", valueName: "file"))
    var tasks: String?

    @Option(name: .long, help: ArgumentHelp("Where session files are written (default: label's, `sessions` in the service account's home for a forced command).", valueName: "dir"))
    var sessions: String?

    func validate() throws {
        switch (batch, tasks) {
        case (nil, nil): throw ValidationError("name what raters label: --batch FILE (or --tasks FILE)")
        case (.some, .some): throw ValidationError("give --batch or --tasks, not both")
        default: break
        }
    }

    /// The launch for `rater`, with this running binary as the `prefer` to start; the batch
    /// or task file must exist (a typo would otherwise show only when a rater logs in).
    func launch(for rater: RaterName) throws -> LabelLaunch {
        let work: LabelLaunch.Work
        let path: String
        if let batch {
            work = .batch(batch)
            path = batch
        } else {
            work = .tasks(tasks!)
            path = tasks!
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw CommandFailure.badInput("\(path): \(errno == 0 || errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        do {
            return try LabelLaunch(executable: Self.runningBinary(), work: work, rater: rater, sessions: sessions)
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }

    /// The absolute path of this `prefer` (so a forced command or a served sitting runs the
    /// same version the lead set up with).
    static func runningBinary() -> String {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return CommandLine.arguments[0]
    }
}
