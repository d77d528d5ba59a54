import Foundation
import PreferCore
@testable import PreferTUI
import XCTest

/// A large paste costs a few frames, not one per character, and stops at the note's limit.
final class LargePasteTests: XCTestCase {
    /// Hands out scripted inputs by index (a million of them) and counts frames.
    @MainActor final class CountingScreen: LabelingScreen {
        var inputs: [ScreenInput]
        var next = 0
        var frames = 0
        var lastFrame: [String] = []
        var size = TerminalSize(cols: 80, rows: 24)
        init(inputs: [ScreenInput]) { self.inputs = inputs }
        func present(_ grid: CellGrid) {
            frames += 1
            lastFrame = grid.rows()
        }
        func readInput(timeoutMs: Int) -> ScreenInput {
            guard next < inputs.count else { return .closed }
            next += 1
            return inputs[next - 1]
        }
        func flushPendingInput() {}
    }

    @MainActor final class Sink: LabelSink {
        var records: [SessionEventBody] = []
        func write(_ record: SessionEventBody) throws { records.append(record) }
        func end(reason: SessionEndReason) throws {}
    }

    @MainActor final class Tasks: TaskSource {
        func load(index: Int) throws -> LoadedTask {
            LoadedTask(index: index, id: "t\(index)", sha256: "s\(index)", promptText: "Question \(index)?",
                       responseA: "a", responseB: "b", leftIsA: true)
        }
    }

    @MainActor private static func run(_ inputs: [ScreenInput]) -> (CountingScreen, Sink, LabelingRuntime) {
        let config = LabelingConfig(rater: "ana", taskSetName: "t.jsonl", guideline: "# G", choiceGuardMs: 300)
        let state = AppState(config: config, size: TerminalSize(cols: 80, rows: 24), queue: [0, 1], totalTasks: 2,
                             labeledCount: 0)
        let screen = CountingScreen(inputs: inputs)
        let sink = Sink()
        var now: Int64 = 0
        let runtime = LabelingRuntime(state: state, screen: screen, tasks: Tasks(), sink: sink,
                                      clock: { now += 1; return now }, pendingEnd: { nil })
        _ = runtime.run()
        return (screen, sink, runtime)
    }

    func testAnUnbracketedPasteOfTwentyThousandKeysIsDrawnInAFewFrames() {
        MainActor.assumeIsolated {
            // What a terminal without bracketed paste delivers: every character a key, tabs too.
            var keys: [ScreenInput] = [.key(.character("n"))]
            for k in 0..<20_000 { keys.append(.key(k % 100 == 99 ? .tab : .character("p"))) }
            keys.append(.timeout)
            let (screen, _, runtime) = Self.run(keys)
            // The first task, the note field opening, one batch for the paste, the hang-up at the end.
            XCTAssertLessThanOrEqual(screen.frames, 4, "one frame per key is what froze the screen")
            guard case .editingNote(let text) = runtime.state.mode else { return XCTFail("\(runtime.state.mode)") }
            XCTAssertEqual(text.count, AppState.noteLimit)
            XCTAssertEqual(text, String(String(repeating: String(repeating: "p", count: 99) + " ", count: 20).prefix(AppState.noteLimit)))
            XCTAssertTrue(runtime.state.fieldWasCut)
            XCTAssertTrue(screen.lastFrame.joined().contains("full: 2000 characters kept"), screen.lastFrame.joined(separator: "\n"))
        }
    }

    func testAOneMegabyteBracketedPasteIsOneFrameCutAtTheLimitAndSaidSo() {
        MainActor.assumeIsolated {
            let pasted = String(repeating: "line of text\twith a tab\n", count: 1 << 20 / 24)
            let (screen, sink, runtime) = Self.run([.key(.character("n")), .key(.paste(pasted)), .timeout,
                                               .key(.enter), .timeout, .timeout])
            XCTAssertLessThanOrEqual(screen.frames, 5)
            // Cut at 2000 characters, then trimmed like every note when it is saved.
            XCTAssertEqual(runtime.state.note, String(PastedText.singleLine(pasted).prefix(AppState.noteLimit))
                .trimmingCharacters(in: .whitespaces))
            XCTAssertEqual(runtime.state.note?.count, AppState.noteLimit - 1)
            XCTAssertFalse(runtime.state.note?.contains("\t") ?? true)
            XCTAssertEqual(runtime.state.message?.text,
                           "Note kept, cut at its limit of 2000 characters; it is saved with your choice.")
            XCTAssertTrue(sink.records.isEmpty, "a paste recorded something")
        }
    }
}
