import XCTest
@testable import PreferCore

final class StatisticsRaterDiagnosticsTests: XCTestCase {
    /// Five tasks, three raters; every expected value below is counted by hand in the comments.
    private func fixture() throws -> RatingMatrix {
        let l = { (item: String, rater: String, choice: String, left: ObservedLabel.Side?, ms: Int?) in
            ObservedLabel(item: item, rater: rater, choice: choice, left: left, milliseconds: ms)
        }
        let labels = [
            l("t1", "ann", "A", .a, 100), l("t1", "bob", "A", .b, nil), l("t1", "cat", "B", .a, nil),
            l("t2", "ann", "tie", .a, 300), l("t2", "bob", "A", nil, nil), l("t2", "cat", "A", nil, nil),
            l("t3", "ann", "B", .b, 200), l("t3", "bob", "B", nil, nil), l("t3", "cat", "both_bad", nil, nil),
            l("t4", "ann", "A", .a, nil), l("t4", "bob", "B", nil, nil),
            l("t5", "ann", "A", nil, 50), l("t5", "bob", "A", nil, nil), l("t5", "cat", "A", nil, nil),
        ]
        let gold = ["t1": ItemInfo(gold: "A"), "t2": ItemInfo(gold: "tie")]
        return try RatingMatrix.build(labels: labels, items: gold)
    }

    func testAnnHasHandCountedDiagnostics() throws {
        let ann = try fixture().raterDiagnostics()[0]
        XCTAssertEqual(ann.rater, "ann")
        XCTAssertEqual(ann.labels, 5)
        // t1 others A/B tie → skipped; t2 others A,A → A (ann tie: miss); t3 others B/both_bad
        // tie → skipped; t4 one other → skipped; t5 others A,A → A (hit). 1 of 2.
        XCTAssertEqual(ann.comparedItems, 2)
        XCTAssertEqual(ann.agreementWithOthers, .value(0.5))
        // Decisive with a recorded side: t1 A on the left, t3 B on the left, t4 A on the left.
        XCTAssertEqual(ann.decisiveLabels, 3)
        XCTAssertEqual(ann.leftChosen, 3)
        XCTAssertEqual(ann.leftRate, .value(1))
        // SciPy: binomtest(3, 3, 0.5).pvalue = 0.25.
        XCTAssertEqual(try XCTUnwrap(ann.positionBiasP.value), 0.25, accuracy: 1e-15)
        XCTAssertEqual(ann.tieRate, .value(0.2))
        XCTAssertEqual(ann.bothBadRate, .value(0))
        // 50, 100, 200, 300 → (100 + 200)/2.
        XCTAssertEqual(ann.medianMilliseconds, .value(150))
        XCTAssertEqual(ann.goldLabels, 2)
        XCTAssertEqual(ann.goldAccuracy, .value(1))
    }

    func testBobAndCatHaveHandCountedDiagnostics() throws {
        let details = try fixture().raterDiagnostics()
        let bob = details[1], cat = details[2]
        // bob: only t5 has two other labels with a strict majority (A), and bob chose A.
        XCTAssertEqual(bob.comparedItems, 1)
        XCTAssertEqual(bob.agreementWithOthers, .value(1))
        // t1 A with B on the left: not the left response.
        XCTAssertEqual(bob.leftRate, .value(0))
        XCTAssertEqual(bob.goldAccuracy, .value(0.5))
        XCTAssertEqual(bob.medianMilliseconds, .undefined("no recorded response time"))
        // cat: t1 others A,A (cat B: miss), t3 others B,B (cat both_bad: miss), t5 (hit).
        XCTAssertEqual(cat.labels, 4)
        XCTAssertEqual(cat.comparedItems, 3)
        XCTAssertEqual(try XCTUnwrap(cat.agreementWithOthers.value), 1.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(cat.bothBadRate, .value(0.25))
        XCTAssertEqual(cat.decisiveLabels, 1)
        XCTAssertEqual(cat.positionBiasP, .value(1))
    }

    func testLikertChoiceMatchesAnAOrBGold() throws {
        let labels = [ObservedLabel(item: "g", rater: "ann", choice: "A>>B"),
                      ObservedLabel(item: "h", rater: "ann", choice: "B>A")]
        let m = try RatingMatrix.build(labels: labels, items: ["g": ItemInfo(gold: "A"), "h": ItemInfo(gold: "A")])
        XCTAssertEqual(m.raterDiagnostics()[0].goldAccuracy, .value(0.5))
    }

    func testSingleRaterHasNoAgreementWithOthersOrGold() throws {
        let m = try RatingMatrix.build(labels: [ObservedLabel(item: "t", rater: "solo", choice: "A")])
        let solo = m.raterDiagnostics()[0]
        XCTAssertNil(solo.agreementWithOthers.value)
        XCTAssertEqual(solo.goldAccuracy, .undefined("no label on a gold item"))
        XCTAssertEqual(solo.leftRate, .undefined("no decisive label with a recorded side"))
    }
}
