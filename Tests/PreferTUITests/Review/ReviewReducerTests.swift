import PreferCore
@testable import PreferTUI
import XCTest

final class ReviewReducerTests: XCTestCase {
    private typealias F = ReviewFixtures

    func testQueueHasItemsWithoutAStrictMajorityFirstThenLowestAgreement() {
        let unanimous = ReviewItem(taskIndex: 3, task: "same", sha256: "3",
                                   votes: [ReviewVote(rater: "a", choice: "A"), ReviewVote(rater: "b", choice: "A")])
        let single = ReviewItem(taskIndex: 4, task: "one", sha256: "4", votes: [ReviewVote(rater: "a", choice: "B")])
        let queue = ReviewQueue.contested([F.twoToOne, unanimous, F.split, single, F.threeWay])
        // split (1/2 on top) and threeWay (1/3 on top) have no majority; threeWay agrees least.
        XCTAssertEqual(queue.map(\.task), ["cjk", "hash-table", "evil"])
    }

    func testMinAgreementKeepsMajorityItemsOnlyBelowIt() {
        let items = [F.twoToOne, F.split, F.threeWay]
        XCTAssertEqual(ReviewQueue.contested(items, minAgreement: 0.6).map(\.task), ["cjk", "hash-table"])
        XCTAssertEqual(ReviewQueue.contested(items, minAgreement: 0.7).map(\.task), ["cjk", "hash-table", "evil"])
    }

    func testReviewResumesAtTheFirstItemWithoutAVerdict() {
        var items = [F.split, F.twoToOne, F.threeWay]
        items[0].verdict = ReviewVerdict(choice: "A")
        XCTAssertEqual(ReviewQueue.resumePosition(items), 1)
        let state = F.state(items)
        XCTAssertEqual(state.position, 1)
        XCTAssertEqual(state.current?.id, "evil")
    }

    func testVerdictKeyRecordsAnAdjudicationInTaskTermsWithTheNote() {
        var state = F.state()
        F.run(&state, .command(.startNote))
        for c in "B is wrong" { F.run(&state, .insertText(c)) }
        F.run(&state, .commitInput)
        let effects = ReviewReducer.reduce(&state, .command(.choose(slot: 0)), now: 5000)
        let expected = SessionEventBody.adjudication(
            AdjudicationInfo(task: "hash-table", taskSHA256: "0", choice: "A", note: "B is wrong"))
        XCTAssertEqual(effects, [.record(expected)])
        XCTAssertEqual(state.pendingRecord, expected)
        // Nothing moves until the record is on disk.
        XCTAssertEqual(state.position, 0)
        XCTAssertNil(state.items[0].verdict)
        let after = ReviewReducer.reduce(&state, .saved(expected), now: 5001)
        XCTAssertEqual(after, [.loadTask(index: 1), .flushInput])
        XCTAssertEqual(state.items[0].verdict, ReviewVerdict(choice: "A", note: "B is wrong"))
        XCTAssertEqual(state.position, 1)
        XCTAssertNil(state.note)
        XCTAssertEqual(state.message?.text, "Saved: verdict A on hash-table.")
    }

    func testAFailedSaveRecordsNoVerdictAndEndsTheSitting() {
        var state = F.state()
        let effects = ReviewReducer.reduce(&state, .command(.choose(slot: 1)), now: 5000)
        XCTAssertEqual(effects.count, 1)
        _ = ReviewReducer.reduce(&state, .saveFailed("disk full"), now: 5001)
        XCTAssertNil(state.items[0].verdict)
        XCTAssertEqual(state.position, 0)
        guard case .failed(let message) = state.mode else { return XCTFail("not failed: \(state.mode)") }
        XCTAssertTrue(message.hasPrefix("Could not save: disk full."), message)
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.nextItem), now: 5002), [.quit(reason: .error)])
    }

    func testTieAndBothBadKeysGiveTheCanonicalValues() {
        var state = F.state()
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.choose(slot: 3)), now: 5000),
                       [.record(.adjudication(AdjudicationInfo(task: "hash-table", taskSHA256: "0", choice: "both_bad")))])
        var likert = F.state()
        likert.config.scale = .likert5
        XCTAssertEqual(ReviewReducer.reduce(&likert, .command(.choose(slot: 4)), now: 5000),
                       [.record(.adjudication(AdjudicationInfo(task: "hash-table", taskSHA256: "0", choice: "B>>A")))])
    }

    func testVerdictKeysWaitOutTheGuardAndRefuseUnderTheGuideline() {
        var state = F.state(guardMs: 350)
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.choose(slot: 0)), now: 100), [])
        XCTAssertEqual(state.message?.isError, true)
        F.run(&state, .command(.toggleGuideline))
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.choose(slot: 0)), now: 900), [])
        XCTAssertEqual(state.message?.text, "The guideline covers the item: press g to close it, then choose.")
        F.run(&state, .command(.toggleGuideline))
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.choose(slot: 0)), now: 900).count, 1)
    }

    func testALaterVerdictReplacesTheEarlierAndUndoRetractsIt() {
        var state = F.state()
        F.run(&state, .command(.choose(slot: 0)))
        F.run(&state, .command(.previousItem))
        XCTAssertEqual(state.position, 0)
        F.run(&state, .command(.choose(slot: 2)))
        XCTAssertEqual(state.items[0].verdict, ReviewVerdict(choice: "tie"))
        F.run(&state, .command(.previousItem))
        let effects = F.run(&state, .command(.undo))
        XCTAssertEqual(effects, [.record(.undo(task: "hash-table"))])
        XCTAssertNil(state.items[0].verdict)
        XCTAssertEqual(state.position, 0)
        XCTAssertEqual(state.message?.text, "Verdict retracted: this item has none now.")
        XCTAssertEqual(F.run(&state, .command(.undo)), [])
        XCTAssertEqual(state.message?.text, "This item has no verdict of yours to retract.")
    }

    func testAfterTheLastVerdictTheScreenStaysAndSaysSo() {
        var state = F.state([F.split])
        XCTAssertEqual(F.run(&state, .command(.choose(slot: 1))),
                       [.record(.adjudication(AdjudicationInfo(task: "hash-table", taskSHA256: "0", choice: "B"))),
                        .flushInput])
        XCTAssertEqual(state.position, 0)
        XCTAssertEqual(state.message?.text, "Saved: verdict B on hash-table. Every item of the queue has a verdict (q quits).")
    }

    func testNextAndPreviousMoveAndStopAtTheEnds() {
        var state = F.state()
        XCTAssertEqual(F.run(&state, .command(.previousItem)), [])
        XCTAssertEqual(state.message?.text, "This is the first item of the queue (n goes on).")
        XCTAssertEqual(F.run(&state, .command(.nextItem)), [.loadTask(index: 1)])
        XCTAssertEqual(state.current?.id, "evil")
        F.run(&state, .command(.nextItem))
        XCTAssertEqual(F.run(&state, .command(.nextItem)), [])
        XCTAssertEqual(state.position, 2)
        XCTAssertEqual(state.message?.text, "This is the last item of the queue (p goes back).")
    }

    func testSearchFindsTheNextItemByIdOrNoteAndSaysWhenNothingMatches() {
        var state = F.state()
        F.run(&state, .command(.startSearch))
        for c in "EVIL" { F.run(&state, .insertText(c)) }
        F.run(&state, .commitInput)
        XCTAssertEqual(state.position, 1)
        XCTAssertEqual(state.message?.text, "Match: item 2 of 3 (/ then Enter finds the next)")
        F.run(&state, .command(.startSearch))
        for c in "list search" { F.run(&state, .insertText(c)) }
        F.run(&state, .commitInput)
        XCTAssertEqual(state.position, 0, "found in ana's note on hash-table")
        F.run(&state, .command(.startSearch))
        for c in "zebra" { F.run(&state, .insertText(c)) }
        F.run(&state, .commitInput)
        XCTAssertEqual(state.position, 0)
        XCTAssertEqual(state.message, .init("No item matches: zebra", isError: true))
    }

    func testKeysFollowTheReviewTableAndHelpListsEveryBinding() {
        let keyMap = ReviewKeys.keyMap(scale: .pairwise)
        XCTAssertEqual(keyMap.action(for: .character("n"), in: .labeling), .command(.nextItem))
        XCTAssertEqual(keyMap.action(for: .character("p"), in: .labeling), .command(.previousItem))
        XCTAssertEqual(keyMap.action(for: .character("c"), in: .labeling), .command(.startNote))
        XCTAssertEqual(keyMap.action(for: .character("t"), in: .labeling), .command(.choose(slot: 2)))
        XCTAssertNil(keyMap.action(for: .character("s"), in: .labeling), "no skip on the review screen")
        // Every key is bound once.
        let keys = keyMap.bindings.flatMap(\.keys)
        XCTAssertEqual(keys.count, Set(keys).count)
        var state = F.state(cols: 80, rows: 40)
        F.run(&state, .command(.toggleHelp))
        let screen = ReviewScreen.render(state).rows().joined(separator: "\n")
        for binding in keyMap.bindings {
            XCTAssertTrue(screen.contains(binding.keyLabel + " ") && screen.contains(binding.help), binding.help)
        }
    }

    func testBelowTheMinimumSizeVerdictKeysDoNothing() {
        var state = F.state(cols: 50, rows: 10)
        XCTAssertEqual(state.keyContext, .tooSmall)
        XCTAssertEqual(ReviewReducer.reduce(&state, .command(.choose(slot: 0)), now: 5000), [])
    }
}
