import XCTest
@testable import PreferCore

final class WinRateTests: XCTestCase {
    private func fixture() throws -> RatingMatrix {
        let labels = [
            ("t1", "x", "A"), ("t1", "y", "A"), ("t1", "z", "B"),
            ("t2", "x", "A"), ("t2", "y", "tie"), ("t2", "z", "both_bad"),
            ("t3", "x", "B"), ("t3", "y", "B"),
            ("t4", "x", "A"), ("t5", "x", "A"),
        ].map { ObservedLabel(item: $0.0, rater: $0.1, choice: $0.2) }
        let items = [
            "t1": ItemInfo(modelA: "gpt", modelB: "claude"),
            "t2": ItemInfo(modelA: "claude", modelB: "gpt"),
            "t3": ItemInfo(modelA: "gpt", modelB: "llama"),
            "t4": ItemInfo(modelA: "gpt", modelB: "gpt"),
        ]
        return try RatingMatrix.build(labels: labels, items: items)
    }

    func testPairsAreUnorderedAndNamedInOrderWithWinsMappedFromEitherSide() throws {
        let rates = try fixture().winRates()
        XCTAssertEqual(rates.map { [$0.modelA, $0.modelB] }, [["claude", "gpt"], ["gpt", "llama"]])
        let cg = rates[0]
        // claude: t1 "B" + t2 "A"; gpt: t1 "A" twice; t2 tie and both_bad.
        XCTAssertEqual([cg.winsA, cg.winsB, cg.ties, cg.bothBad], [2, 2, 1, 1])
        XCTAssertEqual(cg.winRate, .value(0.5))
        XCTAssertEqual(cg.winRateWithTies, .value(0.5))
        // statsmodels proportion_confint(2, 4, method="wilson").
        let ci = try XCTUnwrap(cg.ci95.interval)
        XCTAssertEqual(ci.lower, 0.15003898915214947, accuracy: 1e-12)
        XCTAssertEqual(ci.upper, 0.8499610108478506, accuracy: 1e-12)
    }

    func testAOneSidedPairHasZeroRateAndWilsonUpperBound() throws {
        let gl = try fixture().winRates()[1]
        XCTAssertEqual([gl.winsA, gl.winsB, gl.ties, gl.bothBad], [0, 2, 0, 0])
        XCTAssertEqual(gl.winRate, .value(0))
        XCTAssertEqual(gl.winRateWithTies, .value(0))
        // statsmodels proportion_confint(0, 2, method="wilson") = (0, 0.657619772493347).
        XCTAssertEqual(try XCTUnwrap(gl.ci95.interval?.upper), 0.657619772493347, accuracy: 1e-12)
    }

    func testTiesAndBothBadOnlyLeaveWinRateUndefined() throws {
        let labels = [ObservedLabel(item: "t", rater: "x", choice: "both_bad"),
                      ObservedLabel(item: "t", rater: "y", choice: "tie")]
        let rate = try RatingMatrix.build(labels: labels, items: ["t": ItemInfo(modelA: "m", modelB: "n")]).winRates()[0]
        XCTAssertEqual(rate.winRate, .undefined("no label prefers either model"))
        XCTAssertEqual(rate.winRateWithTies, .value(0.5))
    }

    func testLikertStrengthsBothCountAsWins() throws {
        let labels = [ObservedLabel(item: "t", rater: "x", choice: "A>>B"),
                      ObservedLabel(item: "t", rater: "y", choice: "A>B"),
                      ObservedLabel(item: "t", rater: "z", choice: "B>>A")]
        let rate = try RatingMatrix.build(labels: labels, items: ["t": ItemInfo(modelA: "m", modelB: "n")]).winRates()[0]
        XCTAssertEqual([rate.winsA, rate.winsB, rate.ties, rate.bothBad], [2, 1, 0, 0])
    }
}
