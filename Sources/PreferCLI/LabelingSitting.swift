import Foundation
import PreferCore
import PreferTUI
import PreferTerminal

/// One sitting at the labeling screen: opens the terminal, then the session file, runs the
/// loop, and leaves both in order. The terminal is opened first so that a bad `TERM`
/// touches no file.
@MainActor
struct LabelingSitting {
    let plan: LabelingPlan

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
            writer = try SessionWriter.open(sessionsRoot: plan.sessionsRoot, rater: plan.rater, now: Date())
        } catch {
            terminal.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        let sink = SessionSink(writer: writer)
        do {
            try sink.start(plan: plan, size: terminal.size)
        } catch {
            terminal.close()
            writer.close()
            throw CommandFailure.runtime(String(describing: error))
        }
        let config = LabelingConfig(
            rater: plan.rater.value, taskSetName: plan.tasks.path, scale: plan.scale,
            requireRead: plan.requireRead, guideline: plan.guideline.text, routed: plan.batch != nil)
        let state = AppState(config: config, size: terminal.size, queue: plan.queue,
                             totalTasks: plan.tasks.count, labeledCount: plan.alreadyLabeled)
        let source: TaskSource = plan.batch.map {
            BatchTaskSource(inputs: $0, rater: plan.rater.value, sessionFile: writer.filePath, sessionsRoot: plan.sessionsRoot)
        } ?? TaskFileSource(file: plan.tasks, rater: plan.rater.value)
        let runtime = LabelingRuntime(
            state: state, screen: terminal, tasks: source,
            sink: sink, clock: MonotonicClock.milliseconds,
            pendingEnd: { SignalMonitor.pending.map(LabelingSitting.endReason) })
        let reason = runtime.run()
        terminal.close()
        writer.close()
        let final = runtime.state
        // With the file gone nothing of this sitting is saved; the error below says which.
        if !writer.lostFile {
            Diagnostics.note("\(Counted.noun(final.labeledThisSitting, "label")) saved this sitting in \(writer.filePath) (\(final.labeledCount)/\(final.totalTasks) done).")
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

extension LabelingSitting {
    /// A hang-up is recorded as `hangup`; SIGTERM, SIGINT and SIGQUIT as `terminated`.
    nonisolated static func endReason(_ signal: EndSignal) -> SessionEndReason {
        switch signal {
        case .hangup: return .hangup
        case .terminated, .interrupted: return .terminated
        }
    }
}

/// Adapts a validated task file to the screen's `TaskSource`, deciding which response
/// goes left: per rater for labeling, always A for the review screen (sides as in the file).
@MainActor
final class TaskFileSource: TaskSource {
    let file: TaskFile
    let leftIsA: (String) -> Bool

    init(file: TaskFile, rater: String) {
        self.file = file
        self.leftIsA = { LeftSide.leftIsA(rater: rater, task: $0) }
    }

    init(file: TaskFile, leftIsA: @escaping (String) -> Bool) {
        self.file = file
        self.leftIsA = leftIsA
    }

    func load(index: Int) throws -> LoadedTask {
        let task = try file.task(at: index)
        return LoadedTask(task: task, index: index, leftIsA: leftIsA(task.id))
    }
}

/// Milliseconds from a monotonic clock, for `ms` and the input guard.
enum MonotonicClock {
    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
