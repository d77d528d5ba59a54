import Foundation
import PreferCore
import PreferTUI
import PreferTerminal

/// One sitting at the review screen: like a labeling sitting, the terminal opens first (a
/// bad `TERM` touches no file), then the lead's own session file (flock per lead), and
/// every verdict goes through the same `SessionSink` and `ScreenRuntime`: one write, fsync,
/// before the screen moves on.
@MainActor
struct ReviewSitting {
    let plan: ReviewPlan
    let showModels: Bool

    func run() throws {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.open(noColor: noColor)
        } catch {
            throw CommandFailure.badInput(String(describing: error))
        }
        let writer: SessionWriter
        do {
            writer = try SessionWriter.open(sessionsRoot: plan.sessionsRoot, rater: plan.lead, now: Date())
        } catch {
            terminal.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        let sink = SessionSink(writer: writer)
        do {
            try sink.start(tasks: plan.tasks, guideline: plan.guideline, scale: plan.scale, login: plan.login,
                           batch: plan.batch, size: terminal.size)
        } catch {
            terminal.close()
            writer.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        let config = ReviewConfig(lead: plan.lead.value, taskSetName: plan.tasks.path, scale: plan.scale,
                                  guideline: plan.guideline.text, showModels: showModels)
        let state = ReviewState(config: config, size: terminal.size, items: plan.items,
                                position: ReviewQueue.resumePosition(plan.items))
        let runtime = ScreenRuntime(
            program: ReviewProgram(scale: plan.scale), state: state, screen: terminal,
            tasks: TaskFileSource(file: plan.tasks, leftIsA: { _ in true }), sink: sink,
            clock: MonotonicClock.milliseconds,
            pendingEnd: { SignalMonitor.pending.map(LabelingSitting.endReason) })
        let reason = runtime.run()
        terminal.close()
        writer.close()
        let final = runtime.state
        if !writer.lostFile {
            Diagnostics.note("\(Counted.noun(final.verdictsThisSitting, "verdict")) saved this sitting in \(writer.filePath) (\(final.adjudicatedCount)/\(final.items.count) contested items adjudicated).")
        }
        if case .failed(let message) = final.mode {
            throw CommandFailure.runtime(message)
        }
        switch reason {
        case .quit: return
        case .error: throw CommandFailure.runtime("the sitting ended after an error")
        case .hangup: exit(129)
        case .terminated: exit(143)
        }
    }
}
