import XCTest
@testable import PreferCore

final class BootstrapTests: XCTestCase {
    /// A fixed synthetic study: `items` tasks, raters r0…r3 each labeling a task with
    /// probability 3/4, models m0…m2, choices skewed towards the better model.
    static func synthetic(items: Int, seed: UInt64 = 99) throws -> RatingMatrix {
        var rng = Xoshiro256StarStar(seed: seed)
        var labels: [ObservedLabel] = []
        var info: [String: ItemInfo] = [:]
        let choices = ["A", "A", "A", "B", "B", "tie", "both_bad"]
        for i in 0..<items {
            let a = Int(rng.below(3)), b = (a + 1 + Int(rng.below(2))) % 3
            info["t\(i)"] = ItemInfo(modelA: "m\(a)", modelB: "m\(b)")
            for r in 0..<4 where rng.below(4) != 0 {
                labels.append(ObservedLabel(item: "t\(i)", rater: "r\(r)", choice: choices[Int(rng.below(7))],
                                            left: rng.below(2) == 0 ? .a : .b, milliseconds: Int(rng.below(5000))))
            }
        }
        return try RatingMatrix.build(labels: labels, items: info)
    }

    func testSameSeedGivesTheSameIntervalsWhateverTheThreadCount() throws {
        let m = try Self.synthetic(items: 300)
        let one = m.bootstrapIntervals(BootstrapSettings(resamples: 200, seed: 7, workers: 1))
        let two = m.bootstrapIntervals(BootstrapSettings(resamples: 200, seed: 7, workers: 2))
        let three = m.bootstrapIntervals(BootstrapSettings(resamples: 200, seed: 7, workers: 3))
        XCTAssertEqual(one, two)
        XCTAssertEqual(one, three)
        XCTAssertNotNil(one.percentAgreement.interval)
        XCTAssertNotNil(one.ratings[0].interval)
    }

    func testADifferentSeedGivesDifferentIntervals() throws {
        let m = try Self.synthetic(items: 300)
        let a = m.bootstrapIntervals(BootstrapSettings(resamples: 200, seed: 0))
        let b = m.bootstrapIntervals(BootstrapSettings(resamples: 200, seed: 1))
        XCTAssertNotEqual(a.percentAgreement, b.percentAgreement)
    }

    func testIntervalsBracketThePointEstimates() throws {
        let m = try Self.synthetic(items: 400)
        let summary = StatisticsSummary(m, bootstrap: BootstrapSettings(resamples: 300, seed: 3))
        let checks: [(Estimate, IntervalEstimate)] = [
            (summary.percentAgreement, summary.intervals.percentAgreement),
            (summary.alphaNominal, summary.intervals.alphaNominal),
            (summary.gwetAC1, summary.intervals.gwetAC1),
        ] + summary.ratings.map { ($0.rating, $0.ci95) }
        for (point, ci) in checks {
            let x = try XCTUnwrap(point.value), interval = try XCTUnwrap(ci.interval)
            XCTAssertLessThan(interval.lower, x)
            XCTAssertGreaterThan(interval.upper, x)
        }
        // Raters label 0…4 of each item, so Fleiss' kappa is undefined, and so is its interval.
        XCTAssertNil(summary.fleissKappa.value)
        XCTAssertEqual(summary.intervals.fleissKappa, .undefined("Fleiss' kappa is undefined on the data"))
    }

    func testZeroResamplesTurnIntervalsOff() throws {
        let intervals = try Self.synthetic(items: 30).bootstrapIntervals(BootstrapSettings(resamples: 0))
        XCTAssertEqual(intervals.percentAgreement, .undefined("bootstrap is off (--bootstrap 0)"))
        XCTAssertEqual(intervals.ratings, Array(repeating: .undefined("bootstrap is off (--bootstrap 0)"), count: 3))
    }

    /// 19 items (A,A) and one (A,B): a resample that misses the one disagreement has all labels
    /// in one category, where alpha is 0/0. The interval then says in how many resamples that
    /// happened instead of quietly dropping them; percent agreement stays defined.
    func testAnIntervalIsUndefinedWhenTheStatisticIsUndefinedInSomeResamples() throws {
        var labels: [ObservedLabel] = []
        for i in 0..<20 {
            labels.append(ObservedLabel(item: "t\(i)", rater: "x", choice: "A"))
            labels.append(ObservedLabel(item: "t\(i)", rater: "y", choice: i == 0 ? "B" : "A"))
        }
        let intervals = try RatingMatrix.build(labels: labels).bootstrapIntervals(BootstrapSettings(resamples: 500))
        XCTAssertNotNil(intervals.percentAgreement.interval)
        let reason = try XCTUnwrap(intervals.alphaNominal.reason)
        XCTAssertTrue(reason.hasPrefix("the statistic is undefined in "), reason)
        XCTAssertTrue(reason.hasSuffix(" of 500 resamples"), reason)
    }

    func testEachResampleDrawsAsManyItemsAsThereAre() {
        var weights = [Int32](repeating: 9, count: 1000)
        Bootstrap.draw(&weights, seed: 5, index: 17)
        XCTAssertEqual(weights.reduce(0, +), 1000)
        var again = [Int32](repeating: 0, count: 1000)
        Bootstrap.draw(&again, seed: 5, index: 17)
        XCTAssertEqual(weights, again)
        Bootstrap.draw(&again, seed: 5, index: 18)
        XCTAssertNotEqual(weights, again)
    }

    /// NumPy 2.4 `np.percentile(x, [2.5, 97.5])` (its default "linear" method is type 7).
    func testType7QuantilesMatchNumPy() {
        let small = Quantile.percentileInterval([3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0])
        XCTAssertEqual(small.lower, 1.075, accuracy: 1e-12)
        XCTAssertEqual(small.upper, 8.399999999999999, accuracy: 1e-12)
        let roots = Quantile.percentileInterval((0..<1000).map { Double($0).squareRoot() })
        XCTAssertEqual(roots.lower, 4.997474487139159, accuracy: 1e-12)
        XCTAssertEqual(roots.upper, 31.209373491737907, accuracy: 1e-12)
        XCTAssertEqual(Quantile.type7(sorted: [42], probability: 0.975), 42)
    }

    /// Reference outputs of Vigna's xoshiro256** from state {1, 2, 3, 4}, as in the rand_xoshiro
    /// crate's tests ("produced with the reference implementation").
    func testXoshiroMatchesTheReferenceVector() {
        var rng = Xoshiro256StarStar(state: 1, 2, 3, 4)
        let expected: [UInt64] = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
                                  607988272756665600, 16172922978634559625, 8476171486693032832,
                                  10595114339597558777, 2904607092377533576]
        XCTAssertEqual((0..<10).map { _ in rng.next() }, expected)
    }

    /// SplitMix64 from state 0: 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F,
    /// 0xF88BB8A8724C81EC (Vigna's splitmix64.c; the same values appear in many ports' tests).
    func testSplitMixMatchesTheReferenceSequence() {
        var rng = SplitMix64(state: 0)
        XCTAssertEqual((0..<4).map { _ in rng.next() },
                       [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
    }

    func testBoundedDrawsStayInRangeAndCoverItEvenly() {
        var rng = Xoshiro256StarStar(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[Int(rng.below(6))] += 1 }
        // Expected 10 000 each; ±500 is over 5 standard deviations (σ ≈ 91).
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 500) }
    }
}
