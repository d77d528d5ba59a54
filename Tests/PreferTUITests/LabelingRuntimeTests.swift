import Foundation
import PreferCore
@testable import PreferTUI
import XCTest

/// The runtime loop with a scripted screen and a recording sink: the order of writes and
/// frames is the durability rule "on disk before the next task is shown".
final class LabelingRuntimeTests: XCTestCase {
    /// One shared log of what happened, in order.
    @MainActor final class Log {
        var entries: [String] = []
    }

    @MainActor final class ScriptedScreen: LabelingScreen {
        let log: Log
        var inputs: [ScreenInput]
        var frames: [[String]] = []
        var size = TerminalSize(cols: 80, rows: 24)
        init(log: Log, inputs: [ScreenInput]) {
            self.log = log
            self.inputs = inputs
        }
        func present(_ grid: CellGrid) {
            let rows = grid.rows()
            frames.append(rows)
            let prompt = rows.first { $0.contains("Question") } ?? "-"
            log.entries.append("present " + prompt.trimmingCharacters(in: CharacterSet(charactersIn: "┃ ")))
        }
        func readInput(timeoutMs: Int) -> ScreenInput {
            inputs.isEmpty ? .closed : inputs.removeFirst()
        }
        func flushPendingInput() { log.entries.append("flush") }
    }

    @MainActor final class RecordingSink: LabelSink {
        let log: Log
        var failWrites = false
        init(log: Log) { self.log = log }
        func write(_ record: SessionEventBody) throws {
            if failWrites {
                log.entries.append("write failed")
                throw SessionWriteError(what: "the label", path: "/s.jsonl", cause: .writeFailed(errno: ENOSPC))
            }
            log.entries.append("write \(record.typeName) \(taskOf(record))")
        }
        func end(reason: SessionEndReason) throws { log.entries.append("end \(reason.rawValue)") }
        private func taskOf(_ record: SessionEventBody) -> String {
            switch record {
            case .label(let info): return info.task
            case .undo(let task, _), .skip(let task): return task
            default: return ""
            }
        }
    }

    @MainActor final class Tasks: TaskSource {
        struct Unreadable: Error, CustomStringConvertible {
            var description: String { "task line 2 changed" }
        }
        /// Tasks whose load throws, as a task file edited mid-sitting does.
        var unreadable: Set<Int> = []
        func load(index: Int) throws -> LoadedTask {
            if unreadable.contains(index) { throw Unreadable() }
            return LoadedTask(index: index, id: "t\(index)", sha256: "s\(index)", promptText: "Question \(index)?",
                       responseA: "a", responseB: "b", leftIsA: true)
        }
    }

    @MainActor private static func runtime(inputs: [ScreenInput], log: Log, sink: RecordingSink, tasks: Tasks = Tasks(),
                                           clock: @escaping () -> Int64) -> (LabelingRuntime, ScriptedScreen) {
        let config = LabelingConfig(rater: "ana", taskSetName: "t.jsonl", guideline: "# G", choiceGuardMs: 300)
        let state = AppState(config: config, size: TerminalSize(cols: 80, rows: 24), queue: [0, 1, 2], totalTasks: 3,
                             labeledCount: 0)
        let screen = ScriptedScreen(log: log, inputs: inputs)
        return (LabelingRuntime(state: state, screen: screen, tasks: tasks, sink: sink, clock: clock,
                                pendingEnd: { nil }), screen)
    }

    func testTheLabelIsWrittenBeforeTheNextTaskIsDrawn() {
        MainActor.assumeIsolated {
            let log = Log()
            var now: Int64 = 0
            let (runtime, _) = Self.runtime(inputs: [.timeout, .key(.character("1")), .key(.character("q"))], log: log,
                                       sink: RecordingSink(log: log), clock: { now += 1000; return now })
            XCTAssertEqual(runtime.run(), .quit)
            XCTAssertEqual(log.entries, [
                "present Question 0?",
                "write label t0",
                "flush",
                "present Question 1?",
                "end quit",
            ])
        }
    }

    func testAQuietTerminalRedrawsOnlyWhenTheSavedConfirmationExpires() {
        MainActor.assumeIsolated {
            let log = Log()
            var now: Int64 = 0
            let inputs: [ScreenInput] = [.key(.character("1"))] + Array(repeating: .timeout, count: 12)
                + [.key(.character("q"))]
            let (runtime, screen) = Self.runtime(inputs: inputs, log: log, sink: RecordingSink(log: log),
                                                 clock: { now += 500; return now })
            XCTAssertEqual(runtime.run(), .quit)
            XCTAssertEqual(log.entries, [
                "present Question 0?",
                "write label t0",
                "flush",
                "present Question 1?",
                "present Question 1?",
                "end quit",
            ])
            XCTAssertEqual(screen.frames[1][22].trimmingCharacters(in: .whitespaces), "Saved.")
            XCTAssertEqual(screen.frames[2][22].trimmingCharacters(in: .whitespaces), "",
                           "the second frame clears the confirmation")
        }
    }

    func testAFailedWriteNeverShowsTheNextTaskAndEndsWithAnError() {
        MainActor.assumeIsolated {
            let log = Log()
            let sink = RecordingSink(log: log)
            sink.failWrites = true
            var now: Int64 = 0
            let (runtime, screen) = Self.runtime(inputs: [.key(.character("1")), .key(.character("x"))], log: log, sink: sink,
                                            clock: { now += 1000; return now })
            XCTAssertEqual(runtime.run(), .error)
            XCTAssertFalse(log.entries.contains("present Question 1?"))
            XCTAssertTrue(screen.frames.last!.joined().contains("Could not save"), screen.frames.last!.joined(separator: "\n"))
            XCTAssertEqual(log.entries.last, "end error")
        }
    }

    func testATaskThatCannotBeReadEndsTheSittingWithAnErrorAfterSayingSo() {
        MainActor.assumeIsolated {
            let log = Log()
            let tasks = Tasks()
            tasks.unreadable = [1]
            var now: Int64 = 0
            let (runtime, screen) = Self.runtime(inputs: [.key(.character("1")), .key(.character("x"))], log: log,
                                                 sink: RecordingSink(log: log), tasks: tasks,
                                                 clock: { now += 1000; return now })
            XCTAssertEqual(runtime.run(), .error)
            XCTAssertEqual(log.entries, ["present Question 0?", "write label t0", "flush", "present -", "end error"])
            let box = screen.frames.last!.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "┃ ")) }
            let at = box.firstIndex(of: "Could not show the next task: task line 2 changed. Your labels so far")
            XCTAssertEqual(at.map { box[$0 + 1] }, "are saved. Press any key to end the sitting.",
                           box.joined(separator: "\n"))
        }
    }

    func testATerminalThatGoesAwayEndsTheSittingAsAHangup() {
        MainActor.assumeIsolated {
            let log = Log()
            let (runtime, _) = Self.runtime(inputs: [.closed], log: log, sink: RecordingSink(log: log), clock: { 0 })
            XCTAssertEqual(runtime.run(), .hangup)
            XCTAssertEqual(log.entries.last, "end hangup")
        }
    }
}
