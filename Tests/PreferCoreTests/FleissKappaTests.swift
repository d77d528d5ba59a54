import XCTest
@testable import PreferCore

final class FleissKappaTests: XCTestCase {
    /// Wikipedia, "Fleiss' kappa", worked example: 14 raters, 10 subjects, 5 categories;
    /// P̄ = 0.378, P̄e = 0.213, κ = 0.210 (the same table is reproduced in the R package lbagree's
    /// `fleiss_k` example). Full precision from statsmodels 0.15 `fleiss_kappa(table)`:
    /// 0.20993070442195522.
    func testWikipediaFourteenRaterExampleGivesKappaPoint210() throws {
        let table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                     [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
        let m = try RatingMatrix.build(labels: StatisticsFixture.distribution(table, categories: ["1", "2", "3", "4", "5"]))
        XCTAssertEqual(try XCTUnwrap(m.fleissKappa().value), 0.20993070442195522, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.fleissKappa().value), 0.210, accuracy: 5e-4)
        XCTAssertEqual(try XCTUnwrap(m.percentAgreement().value), 0.378, accuracy: 5e-4)
    }

    /// irrCAC README: `fleiss.kappa.dist(distrib.6raters)` = 0.4139265 with pa = 0.5511111;
    /// statsmodels gives 0.41392649903288237.
    func testSixPsychiatristsExampleMatchesIrrCACAndStatsmodels() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.distribution(
            StatisticsFixture.sixRaters, categories: StatisticsFixture.diagnoses))
        XCTAssertEqual(try XCTUnwrap(m.fleissKappa().value), 0.41392649903288237, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.percentAgreement().value), 0.5511111, accuracy: 1e-7)
    }

    func testUnequalLabelCountsMakeFleissUndefinedWithTheRange() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid(StatisticsFixture.krippendorff2011))
        XCTAssertEqual(m.fleissKappa(), .undefined(
            "items have between 2 and 4 labels; Fleiss' kappa needs the same number on every item with two or more"))
    }

    func testSingleLabelItemsDoNotBreakTheEqualCountRule() throws {
        // Items of 2 labels plus one item of 1 label: still defined, the singleton is ignored.
        let with = try RatingMatrix.build(labels: StatisticsFixture.grid([[1, 1], [1, 2], [2, 2], [nil, 2]]))
        let without = try RatingMatrix.build(labels: StatisticsFixture.grid([[1, 1], [1, 2], [2, 2]]))
        XCTAssertEqual(with.fleissKappa(), without.fleissKappa())
        // Two raters: Fleiss' kappa is Scott's pi. p = (3/6, 3/6), Pe = 1/2, P̄ = 2/3 → κ = 1/3.
        XCTAssertEqual(try XCTUnwrap(with.fleissKappa().value), 1.0 / 3.0, accuracy: 1e-15)
    }

    func testAllLabelsInOneCategoryLeaveFleissUndefined() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid([[1, 1], [1, 1]]))
        XCTAssertNil(m.fleissKappa().value)
        XCTAssertTrue(m.fleissKappa().reason!.contains("0/0"))
    }

    func testOneRaterLeavesFleissUndefined() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid([[1], [2], [1]]))
        XCTAssertEqual(m.fleissKappa(), .undefined("no item has two or more labels"))
    }
}
