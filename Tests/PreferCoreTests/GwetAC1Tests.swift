import XCTest
@testable import PreferCore

final class GwetAC1Tests: XCTestCase {
    /// irrCAC README (kgwet/irrCAC), `gwet.ac1.raw(cac.raw4raters)`: pa = 0.8181818,
    /// pe = 0.1903212, AC1 = 0.77544 — varying raters per subject (3, 4, 2 and 1 labels).
    /// Subject 12 has one rating: it is left out of pa but counts in the π_k average.
    func testVaryingRatersExampleMatchesIrrCAC() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid(StatisticsFixture.krippendorff2011))
        XCTAssertEqual(try XCTUnwrap(m.percentAgreement().value), 9.0 / 11.0, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(m.gwetAC1().value), 0.77544, accuracy: 5e-6)
        // pe recovered from AC1 = (pa − pe)/(1 − pe).
        let ac1 = try XCTUnwrap(m.gwetAC1().value), pa = 9.0 / 11.0
        XCTAssertEqual((pa - ac1) / (1 - ac1), 0.1903212, accuracy: 1e-7)
    }

    /// irrCAC README, `gwet.ac1.dist(distrib.6raters)` = 0.4448007 (pa 0.5511111, pe 0.1914815).
    func testSixPsychiatristsExampleMatchesIrrCAC() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.distribution(
            StatisticsFixture.sixRaters, categories: StatisticsFixture.diagnoses))
        XCTAssertEqual(try XCTUnwrap(m.gwetAC1().value), 0.4448007, accuracy: 1e-7)
    }

    /// irrCAC README, `gwet.ac1.table(cont3x3abstractors)` = 0.8493305 (two raters).
    func testTwoAbstractorsExampleMatchesIrrCAC() throws {
        let m = try RatingMatrix.build(
            labels: StatisticsFixture.contingency(StatisticsFixture.abstractors,
                                                  categories: StatisticsFixture.abstractorCategories),
            categories: StatisticsFixture.abstractorCategories)
        XCTAssertEqual(try XCTUnwrap(m.gwetAC1().value), 0.8493305, accuracy: 1e-7)
        XCTAssertEqual(try XCTUnwrap(m.percentAgreement().value), 0.89, accuracy: 1e-15)
    }

    /// q is the number of declared categories, not of categories used: pairwise counts 4.
    /// 10 items, two raters, labels (A,A)×8, (A,B)×2: pa = 0.8; π_A = 0.9, π_B = 0.1, π_tie =
    /// π_both_bad = 0; pe = (0.09 + 0.09)/3 = 0.06; AC1 = 0.74/0.94 (by hand). With only the two
    /// used categories (q = 2) it would be (0.8 − 0.18)/0.82.
    func testQCountsDeclaredCategoriesEvenWhenUnused() throws {
        var labels: [ObservedLabel] = []
        for i in 0..<10 {
            labels.append(ObservedLabel(item: "t\(i)", rater: "x", choice: "A"))
            labels.append(ObservedLabel(item: "t\(i)", rater: "y", choice: i < 8 ? "A" : "B"))
        }
        let pairwise = try RatingMatrix.build(labels: labels)
        XCTAssertEqual(pairwise.categories.count, 4)
        XCTAssertEqual(try XCTUnwrap(pairwise.gwetAC1().value), 0.74 / 0.94, accuracy: 1e-15)
        let twoOnly = try RatingMatrix.build(labels: labels, categories: ["A", "B"])
        XCTAssertEqual(try XCTUnwrap(twoOnly.gwetAC1().value), 0.62 / 0.82, accuracy: 1e-15)
    }

    func testOneDeclaredCategoryLeavesAC1Undefined() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid([[1, 1], [1, 1]]), categories: ["1"])
        XCTAssertEqual(m.gwetAC1(), .undefined("fewer than two declared categories, so chance agreement is undefined"))
        XCTAssertEqual(m.percentAgreement(), .value(1))
    }
}
