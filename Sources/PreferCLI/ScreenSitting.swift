import Foundation
import PreferCore
import PreferTUI
import PreferTerminal

/// What every full-screen sitting (label, review) opens and closes, in the order that keeps
/// the rules: the terminal first (a bad `TERM` touches no file), then the rater's or lead's
/// own session file (flock, 0640, `O_EXCL`), then its `session_start`; on the way out both are
/// closed and the end reason becomes the documented exit status.
@MainActor
struct ScreenSitting {
    let terminal: Terminal
    let writer: SessionWriter
    let sink: SessionSink

    /// Opens the terminal and the session file of `rater`, then writes `session_start` with
    /// `start`; anything that fails is closed again and thrown as a `CommandFailure`.
    static func open(sessionsRoot: String, rater: RaterName,
                     start: (SessionSink, TerminalSize) throws -> Void) throws -> ScreenSitting {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try CommandFailure.asBadInput { try Terminal.open(noColor: noColor) }
        let writer: SessionWriter
        do {
            writer = try SessionWriter.open(sessionsRoot: sessionsRoot, rater: rater, now: Date())
        } catch {
            terminal.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        let sink = SessionSink(writer: writer)
        do {
            try start(sink, terminal.size)
        } catch {
            terminal.close()
            writer.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        return ScreenSitting(terminal: terminal, writer: writer, sink: sink)
    }

    /// A hang-up is recorded as `hangup`; SIGTERM, SIGINT and SIGQUIT as `terminated`.
    nonisolated static func endReason(_ signal: EndSignal) -> SessionEndReason {
        switch signal {
        case .hangup: return .hangup
        case .terminated, .interrupted: return .terminated
        }
    }

    /// Runs `program` from `state` (the one `ScreenRuntime` loop, polling the signals) until the
    /// sitting ends, then closes the screen and the file, says the final state's `farewell`
    /// (unless the file is gone: then nothing of the sitting is saved, and the failure says
    /// which), and exits as documented: 0 after `q`, 1 after a failure (the final state's
    /// `failure`, or an error), 129 after a hang-up, 143 after SIGTERM.
    func run<Program: ScreenProgram>(_ program: Program, from state: Program.State, tasks: TaskSource,
                                     failure: (Program.State) -> String?, farewell: (Program.State) -> String) throws {
        let runtime = ScreenRuntime(program: program, state: state, screen: terminal, tasks: tasks, sink: sink,
                                    clock: MonotonicClock.milliseconds,
                                    pendingEnd: { SignalMonitor.pending.map(Self.endReason) })
        let reason = runtime.run()
        let final = runtime.state, failure = failure(final)
        terminal.close()
        writer.close()
        if !writer.lostFile { Diagnostics.note(farewell(final)) }
        if let failure { throw CommandFailure.runtime(failure) }
        switch reason {
        case .quit: return
        case .error: throw CommandFailure.runtime("the sitting ended after an error")
        case .hangup: exit(129)
        case .terminated: exit(143)
        }
    }
}
