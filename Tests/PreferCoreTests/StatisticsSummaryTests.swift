import XCTest
@testable import PreferCore

final class StatisticsSummaryTests: XCTestCase {
    private let quick = BootstrapSettings(resamples: 50, seed: 1)

    func testNoLabelsGiveZeroCountsAndUndefinedStatisticsWithoutCrashing() throws {
        let s = StatisticsSummary(try RatingMatrix.build(labels: []), bootstrap: quick)
        XCTAssertEqual([s.items, s.raters, s.labels], [0, 0, 0])
        XCTAssertEqual(s.categories.scale, .pairwise)
        for estimate in [s.percentAgreement, s.fleissKappa, s.gwetAC1, s.alphaNominal] {
            XCTAssertEqual(estimate, .undefined("no item has two or more labels"))
        }
        XCTAssertNotNil(s.alphaOrdinal.reason)
        XCTAssertNil(s.intervals.percentAgreement.interval)
        XCTAssertTrue(s.pairs.isEmpty && s.raterDetails.isEmpty && s.winRates.isEmpty && s.ratings.isEmpty)
    }

    func testOneItemWithTwoAgreeingLabels() throws {
        let labels = [ObservedLabel(item: "t", rater: "a", choice: "A"), ObservedLabel(item: "t", rater: "b", choice: "A")]
        let s = StatisticsSummary(try RatingMatrix.build(labels: labels), bootstrap: quick)
        XCTAssertEqual(s.percentAgreement, .value(1))
        XCTAssertNil(s.alphaNominal.value)
        XCTAssertNil(s.fleissKappa.value)
        // q = 4 declared: π = (1, 0, 0, 0), pe = 0, AC1 = 1.
        XCTAssertEqual(s.gwetAC1, .value(1))
        XCTAssertEqual(s.intervals.percentAgreement, .interval(ConfidenceInterval(lower: 1, upper: 1)))
        XCTAssertEqual(s.pairs.count, 1)
        XCTAssertNil(s.pairs[0].cohenKappa.value)
    }

    func testOneRaterHasDiagnosticsButNoAgreement() throws {
        let labels = (0..<5).map { ObservedLabel(item: "t\($0)", rater: "solo", choice: $0 % 2 == 0 ? "A" : "tie") }
        let s = StatisticsSummary(try RatingMatrix.build(labels: labels), bootstrap: quick)
        XCTAssertEqual(s.raters, 1)
        XCTAssertTrue(s.pairs.isEmpty)
        XCTAssertEqual(s.raterDetails[0].tieRate, .value(0.4))
        XCTAssertEqual(s.percentAgreement, .undefined("no item has two or more labels"))
        XCTAssertEqual(s.intervals.percentAgreement,
                       .undefined("the statistic is undefined in 50 of 50 resamples"))
    }

    /// Summary fields are the same numbers as the individual public functions.
    func testSummaryAgreesWithTheIndividualFunctionsOnPublishedData() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.grid(StatisticsFixture.krippendorff2011))
        let s = StatisticsSummary(m, bootstrap: BootstrapSettings(resamples: 0))
        XCTAssertEqual(s.alphaNominal, m.krippendorffAlpha(.nominal))
        XCTAssertEqual(s.alphaOrdinal, m.krippendorffAlpha(.ordinal))
        XCTAssertEqual(s.alphaInterval, m.krippendorffAlpha(.interval))
        XCTAssertEqual(s.fleissKappa, m.fleissKappa())
        XCTAssertEqual(s.gwetAC1, m.gwetAC1())
        XCTAssertEqual([s.items, s.raters, s.labels], [12, 4, 41])  // irrCAC: tot.obs 41
        XCTAssertEqual(s.pairs.count, 6)
        // Observers 1 and 2 share units 1–9, agreeing on all but unit 6 (1 vs 2).
        XCTAssertEqual(s.pairs[0].items, 9)
        XCTAssertEqual(try XCTUnwrap(s.pairs[0].percentAgreement.value), 8.0 / 9.0, accuracy: 1e-15)
    }
}
