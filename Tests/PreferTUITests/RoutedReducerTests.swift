import PreferCore
@testable import PreferTUI
import XCTest

/// A batch sitting's screen (SPEC §10): every task put on screen is claimed first, the next
/// task comes from the router, a repeat is recorded as one and never announced.
final class RoutedReducerTests: XCTestCase {
    private func routedState() -> AppState {
        let config = LabelingConfig(rater: "ana", taskSetName: "t.jsonl", guideline: "# G", choiceGuardMs: 300, routed: true)
        return AppState(config: config, size: .init(cols: 80, rows: 24), queue: [], totalTasks: 3, labeledCount: 0)
    }

    private func task(_ index: Int, leftIsA: Bool = true, isRepeat: Bool = false) -> LoadedTask {
        var task = LoadedTask(index: index, id: "t\(index)", sha256: "sha\(index)", promptText: "Q\(index)?",
                              responseA: "a", responseB: "b", leftIsA: leftIsA)
        task.isRepeat = isRepeat
        return task
    }

    func testAShownTaskIsClaimedBeforeAChoiceAndTheNextComesFromTheRouter() {
        var s = routedState()
        let claim = SessionEventBody.shown(ShownInfo(task: "t2", taskSHA256: "sha2", left: .b))
        XCTAssertEqual(Reducer.reduce(&s, .taskLoaded(task(2, leftIsA: false)), now: 1000), [.record(claim)])
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1400), [], "no choice while the claim is unsaved")
        XCTAssertEqual(Reducer.reduce(&s, .saved(claim), now: 1001), [])
        let effects = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1500)
        let label = SessionEventBody.label(LabelInfo(task: "t2", taskSHA256: "sha2", choice: "B", left: .b, ms: 500))
        XCTAssertEqual(effects, [.record(label)])
        XCTAssertEqual(Reducer.reduce(&s, .saved(label), now: 1501), [.loadNext, .flushInput])
        XCTAssertEqual(Reducer.reduce(&s, .nothingLeft(progress: "Batch: 3 of 3 tasks done, 0 in progress, 0 untouched."), now: 1600), [])
        XCTAssertEqual(s.mode, .done)
        XCTAssertEqual(s.batchProgress, "Batch: 3 of 3 tasks done, 0 in progress, 0 untouched.")
        let screen = Screen.render(s).rows().joined(separator: "\n")
        XCTAssertTrue(screen.contains("Nothing left for you in this batch."), screen)
        XCTAssertTrue(screen.contains("Batch: 3 of 3 tasks done, 0 in progress, 0 untouched."), screen)
        XCTAssertFalse(screen.contains("All done"), screen)
    }

    func testARepeatIsRecordedAsOneAndItsUndoBringsItBackAsARepeat() {
        var s = routedState()
        let claim = SessionEventBody.shown(ShownInfo(task: "t1", taskSHA256: "sha1", left: .b, isRepeat: true))
        XCTAssertEqual(Reducer.reduce(&s, .taskLoaded(task(1, leftIsA: false, isRepeat: true)), now: 1000), [.record(claim)])
        _ = Reducer.reduce(&s, .saved(claim), now: 1000)
        let screen = Screen.render(s).rows().joined(separator: "\n")
        XCTAssertFalse(screen.lowercased().contains("repeat"), "a repeat is never announced: \(screen)")
        guard case .record(let label)? = Reducer.reduce(&s, .command(.choose(slot: 1)), now: 2000).first,
              case .label(let info) = label else { return XCTFail("no label") }
        XCTAssertTrue(info.isRepeat)
        XCTAssertEqual(info.choice, "A", "key 2 is the right side, where A is")
        _ = Reducer.reduce(&s, .saved(label), now: 2001)
        XCTAssertEqual(Reducer.reduce(&s, .command(.undo), now: 2100), [.record(.undo(task: "t1", isRepeat: true))])
        XCTAssertEqual(Reducer.reduce(&s, .saved(.undo(task: "t1", isRepeat: true)), now: 2101),
                       [.loadRepeat(index: 1), .flushInput])
    }

    func testNothingLeftAsksTheRouterAgainNowAndThen() {
        var s = routedState()
        XCTAssertEqual(Reducer.reduce(&s, .nothingLeft(progress: "Batch: 2 of 3 tasks done, 1 in progress, 0 untouched."), now: 5000), [])
        XCTAssertEqual(Reducer.reduce(&s, .tick, now: 6000), [], "not before routeRecheckMs")
        XCTAssertEqual(Reducer.reduce(&s, .tick, now: 7000), [.loadNext], "a claim may have expired meanwhile")
        XCTAssertEqual(Reducer.reduce(&s, .nothingLeft(progress: "p"), now: 7001), [])
        XCTAssertEqual(Reducer.reduce(&s, .tick, now: 8000), [])
        let claim = SessionEventBody.shown(ShownInfo(task: "t0", taskSHA256: "sha0", left: .a))
        XCTAssertEqual(Reducer.reduce(&s, .taskLoaded(task(0)), now: 9100), [.record(claim)])
        XCTAssertEqual(s.mode, .labeling)
        XCTAssertNil(s.batchProgress)
    }
}
