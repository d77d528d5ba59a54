import Foundation
import XCTest
@testable import PreferCore

/// Routing (SPEC §10) as a pure function of the events the session files hold.
final class BatchRouterTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    /// The numbers of the names the events below use, as a feed would give them.
    private var names = RoutingNames()

    private func router(_ rater: String, tasks: Int = 6, gold: [Int] = [], overlap: Int = 2, maxOverlap: Int? = nil,
                        claimMinutes: Double = 1, repeatRate: Double = 0, order: [Int]? = nil) -> BatchRouter {
        let ledger = BatchLedger(taskCount: tasks, gold: gold, overlap: overlap, maxOverlap: maxOverlap ?? overlap,
                                 claimMinutes: claimMinutes)
        return BatchRouter(ledger: ledger, rater: rater, raterNumber: names.rater(rater),
                           sitting: names.sitting(ofFile: "S-\(rater)"), order: order ?? Array(0..<tasks),
                           batchName: "b", repeatRate: repeatRate)
    }

    /// An event of `rater` in the sitting `sitting` (default: the rater's "S-rater").
    private func event(_ rater: String, _ task: Int?, _ kind: RoutingEvent.Kind, sitting: String? = nil,
                       repeat isRepeat: Bool = false, at: Date? = nil) -> RoutingEvent {
        RoutingEvent(rater: names.rater(rater), sitting: names.sitting(ofFile: sitting ?? "S-\(rater)"),
                     task: task.map(Int32.init) ?? RoutingEvent.noTask, kind: kind, isRepeat: isRepeat, at: at ?? t0)
    }

    private func label(_ rater: String, _ task: Int, _ choice: String = "A", sitting: String? = nil,
                       repeat isRepeat: Bool = false, left: ResponseSide = .a) -> RoutingEvent {
        event(rater, task, .label(choice: names.choice(choice), left: left), sitting: sitting, repeat: isRepeat)
    }

    private func shown(_ rater: String, _ task: Int, at: Date) -> RoutingEvent {
        event(rater, task, .shown(left: .a), at: at)
    }

    func testTheFirstTaskInOrderWithFewerThanOverlapLabelsIsNext() {
        var ana = router("ana", order: [3, 1, 0, 2, 4, 5])
        XCTAssertEqual(ana.next(now: t0)?.index, 3)
        ana.apply(label("bo", 3))
        XCTAssertEqual(ana.next(now: t0)?.index, 3, "one of two labels: still wanted")
        ana.apply(label("chen", 3))
        XCTAssertEqual(ana.next(now: t0)?.index, 1, "two labels agree: done")
        ana.apply(label("ana", 1))
        XCTAssertEqual(ana.next(now: t0)?.index, 0, "a task the rater labeled is not offered again")
    }

    func testLiveClaimsOfOtherRatersCountButTheRatersOwnDoNot() {
        var ana = router("ana", overlap: 1, claimMinutes: 1)
        ana.apply(shown("bo", 0, at: t0))
        XCTAssertEqual(ana.next(now: t0.addingTimeInterval(30))?.index, 1, "bo's claim reserves t0")
        XCTAssertEqual(ana.next(now: t0.addingTimeInterval(61))?.index, 0, "after claim_minutes the claim has expired")
        ana.apply(shown("ana", 1, at: t0))
        XCTAssertEqual(ana.next(now: t0.addingTimeInterval(30))?.index, 1,
                       "the rater's own claim (a killed sitting of theirs) does not keep them out")
        ana.apply(event("bo", 0, .skip))
        XCTAssertEqual(ana.next(now: t0.addingTimeInterval(30))?.index, 0, "a skip releases the claim")
        ana.apply(shown("bo", 0, at: t0))
        ana.apply(event("bo", nil, .end))
        XCTAssertEqual(ana.next(now: t0.addingTimeInterval(30))?.index, 0, "the end of bo's sitting releases its claims")
    }

    func testGoldGoesToEveryRaterWhateverItsCount() {
        var ana = router("ana", tasks: 3, gold: [2], overlap: 1, order: [2, 0, 1])
        for rater in ["bo", "chen", "dan"] { ana.apply(label(rater, 2)) }
        XCTAssertEqual(ana.next(now: t0)?.index, 2)
        ana.apply(label("ana", 2))
        XCTAssertEqual(ana.next(now: t0)?.index, 0)
    }

    func testSkipsOfThisSittingAreLeftButEarlierSkipsComeBack() {
        var ana = router("ana", overlap: 1)
        ana.apply(event("ana", 0, .skip, sitting: "earlier"))
        XCTAssertEqual(ana.next(now: t0)?.index, 0)
        ana.apply(event("ana", 0, .skip))
        XCTAssertEqual(ana.next(now: t0)?.index, 1)
        ana.unskip(0)
        XCTAssertEqual(ana.next(now: t0)?.index, 0)
    }

    func testAnUndoReopensTheTask() {
        var ana = router("ana", overlap: 1)
        ana.apply(label("bo", 0))
        XCTAssertEqual(ana.next(now: t0)?.index, 1)
        ana.apply(event("bo", 0, .undo))
        XCTAssertEqual(ana.next(now: t0)?.index, 0)
    }

    func testASplitTaskStaysOpenOneRaterAtATimeUntilAMajorityOrMaxOverlap() {
        var ana = router("ana", tasks: 2, overlap: 2, maxOverlap: 4)
        ana.apply(label("bo", 0, "A"))
        ana.apply(label("chen", 0, "B"))
        XCTAssertEqual(ana.next(now: t0)?.index, 0, "split 1–1: wants a third")
        ana.apply(shown("dan", 0, at: t0))
        XCTAssertEqual(ana.next(now: t0)?.index, 1, "dan holds the one extra place")
        ana.apply(label("dan", 0, "tie"))
        XCTAssertEqual(ana.next(now: t0)?.index, 0, "A, B, tie: still no strict majority, below 4")
        ana.apply(label("eve", 0, "A"))
        XCTAssertEqual(ana.next(now: t0)?.index, 1, "four labels: at max_overlap")
        XCTAssertFalse(ana.ledger.hasStrictMajority(0))
        XCTAssertTrue(ana.ledger.isDone(0))

        var bo = router("bo", tasks: 2, overlap: 2, maxOverlap: 4)
        bo.apply(label("ana", 0, "A"))
        bo.apply(label("chen", 0, "A"))
        XCTAssertEqual(bo.next(now: t0)?.index, 1, "2–0 is a strict majority: no more labels")
        bo.apply(label("x", 1, "A"))
        bo.apply(label("y", 1, "B"))
        bo.apply(label("z", 1, "A"))
        XCTAssertNil(bo.next(now: t0), "2–1 after the third label: a strict majority, closed")
    }

    /// Issue 11 item 12: a likert5 both_bad (the x key) is an effective label and a category of
    /// its own for the strict majority, as pairwise both_bad is; A>B and A>>B are two categories.
    func testLikertBothBadCountsAsALabelAndAsItsOwnMajorityCategory() {
        var ana = router("ana", tasks: 2, overlap: 2, maxOverlap: 4)
        ana.apply(label("bo", 0, "both_bad"))
        XCTAssertEqual(ana.ledger.labelCount(0), 1)
        ana.apply(label("chen", 0, "A>B"))
        XCTAssertEqual(ana.next(now: t0)?.index, 0, "both_bad 1, A>B 1: split, wants a third")
        ana.apply(label("dan", 0, "both_bad"))
        XCTAssertTrue(ana.ledger.hasStrictMajority(0), "both_bad 2 of 3")
        XCTAssertTrue(ana.ledger.isDone(0))
        ana.apply(label("bo", 1, "A>>B"))
        ana.apply(label("chen", 1, "A>B"))
        ana.apply(label("dan", 1, "both_bad"))
        XCTAssertFalse(ana.ledger.hasStrictMajority(1), "A>>B, A>B and both_bad are three categories")
        XCTAssertEqual(ana.next(now: t0)?.index, 1)
    }

    func testRepeatsEffectiveLabelsAndOverLabelingAreCounted() {
        var ledger = BatchLedger(taskCount: 2, gold: [], overlap: 2, maxOverlap: 2, claimMinutes: 1)
        ledger.apply(label("ana", 0, "A"))
        ledger.apply(label("ana", 0, "B", repeat: true))
        XCTAssertEqual(ledger.labelCount(0), 1, "a repeat is not a second effective label")
        ledger.apply(event("ana", 0, .undo, sitting: "S", repeat: true))
        XCTAssertEqual(ledger.labelCount(0), 1, "undoing the repeat leaves the first label standing")
        ledger.apply(label("bo", 0, "A"))
        ledger.apply(label("chen", 0, "A"))
        XCTAssertEqual(ledger.extraLabels(0), 1, "a race: the third label was not wanted")
        let progress = BatchProgress(ledger, now: t0)
        XCTAssertEqual(progress.done, 1)
        XCTAssertEqual(progress.untouched, 1)
        XCTAssertEqual(progress.overLabeledTasks, 1)
        XCTAssertEqual(progress.extraLabels, 1)
    }

    func testRepeatsComeAtTheRateFromLabelsAtLeastTenBackWithTheSidesSwapped() {
        var ana = router("ana", tasks: 200, overlap: 1, repeatRate: 0.3)
        var repeats: [BatchPick] = []
        var labeledAt: [Int: Int] = [:]
        var count = 0
        while let pick = ana.next(now: t0) {
            if pick.isRepeat {
                repeats.append(pick)
                XCTAssertGreaterThanOrEqual(count - (labeledAt[pick.index] ?? .max), BatchRouter.repeatDistance)
                XCTAssertEqual(pick.leftIsA, false, "first shown with A on the left, repeated with B there")
            } else {
                labeledAt[pick.index] = count
            }
            count += 1
            ana.apply(label("ana", pick.index, repeat: pick.isRepeat, left: .a))
        }
        XCTAssertEqual(Set(repeats.map(\.index)).count, repeats.count, "a task is repeated at most once")
        let share = Double(repeats.count) / Double(count)
        XCTAssertGreaterThan(share, 0.15)
        XCTAssertLessThan(share, 0.35)
        XCTAssertEqual(count - repeats.count, 200, "every task labeled once, plus the repeats")
    }

    func testTheOrderIsAStableShuffleWithGoldSpreadThrough() {
        let gold = [0, 1, 2, 3]
        let ana = BatchShuffle.order(taskCount: 60, gold: gold, batchName: "b7", rater: "ana", order: .shuffled)
        let bo = BatchShuffle.order(taskCount: 60, gold: gold, batchName: "b7", rater: "bo", order: .shuffled)
        XCTAssertEqual(ana.sorted(), Array(0..<60))
        XCTAssertNotEqual(ana, bo)
        XCTAssertEqual(ana, BatchShuffle.order(taskCount: 60, gold: gold, batchName: "b7", rater: "ana", order: .shuffled))
        XCTAssertNotEqual(ana, BatchShuffle.order(taskCount: 60, gold: gold, batchName: "b8", rater: "ana", order: .shuffled))
        // Gold k of 4 before non-gold position ⌊(2k+1)·56/8⌋ = 7, 21, 35, 49: at 7, 22, 37, 52.
        XCTAssertEqual(ana.indices.filter { gold.contains(ana[$0]) }, [7, 22, 37, 52])
        XCTAssertEqual(BatchShuffle.order(taskCount: 5, gold: [1], batchName: "b", rater: "a", order: .file), [0, 1, 2, 3, 4])
        // Pinned: a rater who comes back on another machine or Swift version finds this order.
        XCTAssertEqual(BatchShuffle.order(taskCount: 10, gold: [], batchName: "batch-07", rater: "ana", order: .shuffled),
                       [5, 4, 3, 0, 9, 1, 2, 6, 8, 7], "scripts/batch/shuffle_reference.py, an independent transcription")
    }
}
