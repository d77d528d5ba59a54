import XCTest
@testable import PreferCore

final class BradleyTerryTests: XCTestCase {
    /// Agresti, A. (2002). Categorical Data Analysis, 2nd ed., Sec. 10.6 and Table 10.11: the 1987
    /// American League East (each pair met 13 times). Estimates with Baltimore as 0: Milwaukee
    /// 1.58, Detroit 1.44, Toronto 1.29, New York 1.25, Boston 1.11, Cleveland 0.68 — checked to two
    /// decimals by BradleyTerry2's `tests/testthat/test-baseball.R`. Four-decimal values
    /// (1.5814, 1.4364, 1.2945, 1.2476, 1.1077, 0.6839) and the ratings below from an
    /// independent NumPy Newton fit, itself confirmed by SciPy BFGS on the likelihood.
    func testAgrestiBaseballExampleMatchesPublishedStrengths() throws {
        let teams = ["Mil", "Det", "Tor", "NY", "Bos", "Cle", "Bal"]
        let wins: [[Double]] = [
            [0, 7, 9, 7, 7, 9, 11], [6, 0, 7, 5, 11, 9, 9], [4, 6, 0, 7, 7, 8, 12], [6, 8, 6, 0, 6, 7, 10],
            [6, 2, 6, 7, 0, 7, 12], [4, 4, 5, 6, 6, 0, 6], [2, 4, 1, 3, 1, 7, 0],
        ]
        let fit = BradleyTerry.fit(wins: wins.flatMap { $0 }, modelCount: 7, names: teams)
        guard case .strengths(let beta) = fit else { return XCTFail("\(fit)") }
        let b = beta.map { $0! }
        let relative = b.map { $0 - b[6] }
        for (got, published) in zip(relative, [1.5814, 1.4364, 1.2945, 1.2476, 1.1077, 0.6839, 0]) {
            XCTAssertEqual(got, published, accuracy: 5e-5)
        }
        XCTAssertEqual(b.reduce(0, +), 0, accuracy: 1e-12)
        let ratings = [1092.2707859558795, 1067.0908357703283, 1042.4362319804482, 1034.2945517597225,
                       1009.9879339172879, 936.3585271241832, 817.5611334921505]
        for (k, expected) in ratings.enumerated() {
            XCTAssertEqual(BradleyTerry.rating(strength: b[k]), expected, accuracy: 1e-8)
        }
    }

    /// X beats Y 3 times, Y beats X once, 2 ties: w_XY = 3 + 1 = 4, w_YX = 1 + 1 = 2, so the MLE
    /// is β_X − β_Y = ln 2 and the ratings are 1000 ± 200·log10 2 (by hand).
    func testTiesCountAsHalfAWinForEachSide() throws {
        let choices = ["A", "A", "A", "B", "tie", "tie"]
        let labels = choices.enumerated().map { ObservedLabel(item: "t\($0.offset)", rater: "r", choice: $0.element) }
        let items = Dictionary(uniqueKeysWithValues: (0..<6).map { ("t\($0)", ItemInfo(modelA: "X", modelB: "Y")) })
        let summary = StatisticsSummary(try RatingMatrix.build(labels: labels, items: items),
                                        bootstrap: BootstrapSettings(resamples: 0))
        XCTAssertEqual(summary.ratings.map(\.model), ["X", "Y"])
        XCTAssertEqual(try XCTUnwrap(summary.ratings[0].rating.value), 1060.2059991327963, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(summary.ratings[1].rating.value), 939.7940008672037, accuracy: 1e-9)
    }

    func testAModelThatNeverWinsHasNoMaximumLikelihoodRating() {
        let fit = BradleyTerry.fit(wins: [0, 2, 0, 0], modelCount: 2, names: ["X", "Y"])
        XCTAssertEqual(fit, .undefined("\"Y\" never wins or ties against \"X\", so the maximum-likelihood ratings diverge"))
    }

    func testADisconnectedComparisonGraphIsRefused() {
        // X–Y and Z–W, each with wins both ways, but the two pairs never meet.
        var wins = [Double](repeating: 0, count: 16)
        wins[0 * 4 + 1] = 1; wins[1 * 4 + 0] = 1; wins[2 * 4 + 3] = 1; wins[3 * 4 + 2] = 2
        let fit = BradleyTerry.fit(wins: wins, modelCount: 4, names: ["X", "Y", "Z", "W"])
        XCTAssertEqual(fit, .undefined(
            "the models do not form one connected comparison graph: \"X\", \"Y\" are never compared with \"Z\", \"W\", directly or through other models"))
    }

    func testAModelSeenOnlyInBothBadLabelsIsUnratedWhileOthersAreRated() throws {
        let labels = [("t1", "A"), ("t2", "B"), ("t3", "both_bad")].map {
            ObservedLabel(item: $0.0, rater: "r", choice: $0.1)
        }
        let items = ["t1": ItemInfo(modelA: "X", modelB: "Y"), "t2": ItemInfo(modelA: "X", modelB: "Y"),
                     "t3": ItemInfo(modelA: "X", modelB: "Z")]
        let summary = StatisticsSummary(try RatingMatrix.build(labels: labels, items: items),
                                        bootstrap: BootstrapSettings(resamples: 0))
        XCTAssertEqual(summary.ratings.map(\.model), ["X", "Y", "Z"])
        XCTAssertEqual(summary.ratings[0].rating, .value(1000))
        XCTAssertEqual(summary.ratings[1].rating, .value(1000))
        XCTAssertEqual(summary.ratings[2].rating, .undefined("no decisive or tie label with another model"))
    }

    func testNoModelsGiveNoRatings() throws {
        let m = try RatingMatrix.build(labels: [ObservedLabel(item: "t", rater: "r", choice: "A")])
        XCTAssertEqual(m.bradleyTerry(), .undefined("no decisive or tie label between two models"))
        XCTAssertTrue(StatisticsSummary(m, bootstrap: BootstrapSettings(resamples: 0)).ratings.isEmpty)
    }
}
