import XCTest
@testable import PreferCore

final class LeftSideTests: XCTestCase {
    func testKnownPairsKeepTheirSideForever() {
        // Values from an independent SHA-256 (Python hashlib): first bytes 203, 248, 21, 39, 116.
        XCTAssertFalse(LeftSide.leftIsA(rater: "ana", task: "t1"))
        XCTAssertTrue(LeftSide.leftIsA(rater: "ana", task: "t2"))
        XCTAssertFalse(LeftSide.leftIsA(rater: "bob", task: "t1"))
        XCTAssertFalse(LeftSide.leftIsA(rater: "r.2_x-y", task: "mt81-t1-gpt-4-vs-claude-v1"))
        XCTAssertTrue(LeftSide.leftIsA(rater: "ana", task: ""))
        XCTAssertEqual(LeftSide.left(rater: "ana", task: "t2"), .a)
        XCTAssertEqual(LeftSide.left(rater: "ana", task: "t1"), .b)
    }

    func testTheSideIsRoughlyBalancedOverAThousandTasks() {
        let leftA = (0..<1000).filter { LeftSide.leftIsA(rater: "ana", task: "task-\($0)") }.count
        XCTAssertTrue((440...560).contains(leftA), "A on the left \(leftA) times of 1000")
    }

    func testTheSeparatorKeepsRaterAndTaskApart() {
        // Without the NUL, ("ab","c") and ("a","bc") would hash the same text; over many
        // splits some sides must differ.
        let differing = (0..<200).filter {
            LeftSide.leftIsA(rater: "ab", task: "c\($0)") != LeftSide.leftIsA(rater: "a", task: "bc\($0)")
        }.count
        XCTAssertGreaterThan(differing, 50)
    }
}
