import XCTest
@testable import PreferCore

final class KrippendorffAlphaTests: XCTestCase {
    private func matrix(_ rows: [[Int?]]) throws -> RatingMatrix {
        try RatingMatrix.build(labels: StatisticsFixture.grid(rows))
    }

    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Departmental Papers
    /// (ASC), University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 — the
    /// worked example (4 observers, 12 units, missing values) reports α = 0.743 (nominal),
    /// 0.815 (ordinal), 0.849 (interval); irrCAC's README prints 0.74342 for the same table
    /// (`krippen.alpha.raw(cac.raw4raters)`). Full-precision literals from the `krippendorff`
    /// PyPI package 0.9.0: `krippendorff.alpha(reliability_data=d.T, level_of_measurement=…)`.
    func testKrippendorff2011ExampleMatchesPublishedAlphaForAllThreeMetrics() throws {
        let m = try matrix(StatisticsFixture.krippendorff2011)
        XCTAssertTrue(m.categories.isOrdered)
        XCTAssertEqual(m.categories.names, ["1", "2", "3", "4", "5"])
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), 0.743421052631579, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.ordinal).value), 0.8153875037548814, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.interval).value), 0.8491071428571428, accuracy: 1e-12)
        // Published three-decimal values, as printed in the paper.
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), 0.743, accuracy: 5e-4)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.ordinal).value), 0.815, accuracy: 5e-4)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.interval).value), 0.849, accuracy: 5e-4)
    }

    /// Wikipedia, "Krippendorff's alpha", computational example (3 coders, 15 units), reported
    /// α_nominal = 0.691 and α_interval = 0.811; the same data is `sample.py` of
    /// pln-fing-udelar/fast-krippendorff. Literals from `krippendorff` 0.9.0.
    func testWikipediaExampleWithUnitsThatHaveOneOrNoValue() throws {
        let coders: [[Int?]] = [
            [nil, nil, nil, nil, nil, 3, 4, 1, 2, 1, 1, 3, 3, nil, 3],
            [1, nil, 2, 1, 3, 3, 4, 3, nil, nil, nil, nil, nil, nil, nil],
            [nil, nil, 2, 1, 3, 4, 4, nil, 2, 1, 1, 3, 3, nil, 4],
        ]
        let units = (0..<15).map { u in coders.map { $0[u] } }
        let m = try matrix(units)
        XCTAssertEqual(m.itemCount, 13, "units 2 and 14 carry no value and are no items")
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), 0.691358024691358, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.ordinal).value), 0.8067214199413153, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.interval).value), 0.8108448928121059, accuracy: 1e-12)
    }

    /// irrCAC README, `krippen.alpha.dist(distrib.6raters)` = 0.4204384; `krippendorff` 0.9.0
    /// with `value_counts` gives 0.4204384268214054.
    func testSixPsychiatristsExampleMatchesIrrCAC() throws {
        let m = try RatingMatrix.build(labels: StatisticsFixture.distribution(
            StatisticsFixture.sixRaters, categories: StatisticsFixture.diagnoses))
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), 0.4204384268214054, accuracy: 1e-12)
        XCTAssertEqual(m.krippendorffAlpha(.ordinal), .undefined("the categories are not ordered (use --ordinal to declare an order)"))
    }

    /// likert5 values 2…−2 with gaps; literals from `krippendorff.alpha(…, value_domain=[-2,-1,0,1,2])`.
    func testLikert5UsesItsValuesForIntervalAndItsOrderForOrdinal() throws {
        let names = ["2": "A>>B", "1": "A>B", "0": "tie", "-1": "B>A", "-2": "B>>A"]
        let rows: [[Int?]] = [[2, 1, 2], [1, 1, 0], [0, 0, nil], [-1, -2, -1], [-2, -2, -2],
                              [2, 2, 1], [nil, 0, 1], [1, nil, 1]]
        let labels = StatisticsFixture.grid(rows).map {
            ObservedLabel(item: $0.item, rater: $0.rater, choice: names[$0.choice]!)
        }
        let m = try RatingMatrix.build(labels: labels)
        XCTAssertEqual(m.categories.scale, .likert5)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), 0.4117647058823529, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.ordinal).value), 0.8295808343984531, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.interval).value), 0.8803827751196172, accuracy: 1e-12)
    }

    func testAllIdenticalLabelsLeaveAlphaUndefinedAsZeroOverZero() throws {
        let m = try matrix([[3, 3, 3], [3, 3, nil], [3, nil, 3]])
        for metric in AlphaMetric.allCases {
            let alpha = m.krippendorffAlpha(metric)
            XCTAssertNil(alpha.value, "\(metric)")
            XCTAssertTrue(alpha.reason!.contains("0/0"), alpha.reason!)
        }
    }

    func testUnitsWithOneLabelAreDroppedAndNoPairableUnitIsUndefined() throws {
        let single = try matrix([[1, nil], [nil, 2], [3, nil]])
        XCTAssertEqual(single.krippendorffAlpha(.nominal), .undefined("no item has two or more labels"))
        // Adding singleton units changes nothing: alpha only sees pairable values.
        let base = try matrix([[1, 1], [1, 2], [2, 2], [3, 3]])
        let padded = try matrix([[1, 1], [1, 2], [2, 2], [3, 3], [5, nil], [nil, 4]])
        XCTAssertEqual(base.krippendorffAlpha(.nominal), padded.krippendorffAlpha(.nominal))
    }

    func testNoLabelsAtAllGiveUndefinedAlpha() throws {
        let m = try RatingMatrix.build(labels: [])
        XCTAssertEqual(m.itemCount, 0)
        XCTAssertEqual(m.krippendorffAlpha(.nominal), .undefined("no item has two or more labels"))
    }

    /// Two units (1,2) and (2,1) with values {1,2}: n = 4, o_12 = o_21 = 2, n_1 = n_2 = 2, so
    /// α_nominal = 1 − 3·4/(16 − 8) = −0.5 (by hand, Krippendorff 2011 eq. for α).
    func testPerfectDisagreementGivesTheHandComputedNegativeAlpha() throws {
        let m = try matrix([[1, 2], [2, 1]])
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), -0.5, accuracy: 1e-15)
    }
}
