import ArgumentParser
import Foundation
import PreferCore

/// `prefer status --batch FILE`: the lead's view of a batch in progress.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "How far a batch is: done, in progress, untouched; per rater pace and consistency.",
        discussion: """
        Reads every session file under --sessions (default: sessions) the way a batch sitting
        does, so its counts are what routing sees. --watch prints a fresh block of plain lines
        every few seconds (works in any terminal and in logs); stop it with Ctrl-C.

        Examples:
          prefer status --batch batch-07.toml
          prefer status --batch batch-07.toml --format json
          prefer status --batch batch-07.toml --watch
        """
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(name: .long, help: ArgumentHelp("The batch file (TOML).", valueName: "file"))
    var batch: String

    @Option(name: .long, help: ArgumentHelp("Where the session files are.", valueName: "dir"))
    var sessions: String = LabelDefaults.sessions

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: Format = .text

    @Flag(name: .long, help: "Print the status again every few seconds.")
    var watch = false

    @Option(name: .long, help: ArgumentHelp("Seconds between --watch updates.", valueName: "seconds"))
    var every: Double = 3

    func run() throws {
        let inputs = try BatchInputs.open(batchPath: batch)
        let feed = BatchSessionFeed(sessionsRoot: sessions)
        var events: [RoutingEvent] = []
        while true {
            let look = feed.look(in: inputs.tasks)
            if look.startedOver { events = [] }
            events += look.events
            if !watch, let first = look.errors.first {
                throw CommandFailure.badInput(first.description)
            }
            let status = BatchStatus(inputs: inputs, events: events, names: feed.names, now: Date())
            let text = format == .json ? JSONWriter.serialize(status.json) + "\n" : StatusText.render(status, now: Date())
            try Diagnostics.output(text, naming: "the status")
            guard watch else { return }
            usleep(useconds_t(max(0.2, every) * 1_000_000))
        }
    }
}
