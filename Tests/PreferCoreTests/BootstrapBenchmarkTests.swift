import Foundation
import XCTest
import PreferCore  // public API only, so `swift test -c release` needs no -enable-testing

/// The SPEC-sized workload: 300 000 labels, 100 000 items, 50 raters, 10 models.
/// Skipped unless PREFER_BENCH=1; run in release:
/// `PREFER_BENCH=1 swift test -c release --filter BootstrapBenchmarkTests`.
final class BootstrapBenchmarkTests: XCTestCase {
    func testLargeStudyPointEstimatesAndThousandResamplesStayWithinBudget() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["PREFER_BENCH"] == "1", "set PREFER_BENCH=1")
        var rng = Xoshiro256StarStar(seed: 2024)
        let choices = ["A", "A", "A", "B", "B", "tie", "both_bad"]
        var labels: [ObservedLabel] = []
        labels.reserveCapacity(300_000)
        var items: [String: ItemInfo] = [:]
        for i in 0..<100_000 {
            let id = "task-\(i)"
            let a = Int(rng.below(10)), b = (a + 1 + Int(rng.below(9))) % 10
            items[id] = ItemInfo(modelA: "model-\(a)", modelB: "model-\(b)")
            var raters: [Int] = []
            while raters.count < 3 {
                let r = Int(rng.below(50))
                if !raters.contains(r) { raters.append(r) }
            }
            for r in raters {
                labels.append(ObservedLabel(item: id, rater: "rater-\(r)", choice: choices[Int(rng.below(7))],
                                            left: rng.below(2) == 0 ? .a : .b, milliseconds: Int(rng.below(60_000))))
            }
        }

        let clock = ContinuousClock()
        var matrix: RatingMatrix?
        let build = try clock.measure { matrix = try RatingMatrix.build(labels: labels, items: items) }
        let m = try XCTUnwrap(matrix)
        var summary: StatisticsSummary?
        let points = clock.measure { summary = StatisticsSummary(m, bootstrap: BootstrapSettings(resamples: 0)) }
        var intervals: BootstrapIntervals?
        let boot = clock.measure {
            intervals = m.bootstrapIntervals(BootstrapSettings(resamples: 1000, seed: 0, workers: 2))
        }
        var single: BootstrapIntervals?
        let serial = clock.measure {
            single = m.bootstrapIntervals(BootstrapSettings(resamples: 1000, seed: 0, workers: 1))
        }
        let ms = { (d: Duration) in Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        print(String(format: "BENCH build %.1f ms, point estimates %.1f ms, bootstrap 1000 on 2 threads %.1f ms (1 thread %.1f ms)",
                     ms(build), ms(points), ms(boot), ms(serial)))
        XCTAssertEqual(intervals, single, "thread count must not change the intervals")
        XCTAssertEqual(m.labelCount, 300_000)
        XCTAssertEqual(m.itemCount, 100_000)
        XCTAssertEqual(summary?.pairs.count, 50 * 49 / 2)
        XCTAssertNotNil(intervals?.alphaNominal.interval)
        XCTAssertLessThan(ms(points), 300)
        XCTAssertLessThan(ms(boot), 2500)
    }
}
