import XCTest
@testable import PreferCore

final class WilsonIntervalTests: XCTestCase {
    /// Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
    /// comparison of seven methods. Statistics in Medicine 17, 857–872 — the worked examples
    /// 81/263, 15/148, 0/20 and 1/29 with the Wilson score method (method 3): 0.2553–0.3662,
    /// 0.0624–0.1605, 0.0000–0.1611, 0.0061–0.1718. Full precision from statsmodels 0.15
    /// `proportion_confint(k, n, alpha=0.05, method="wilson")`.
    func testNewcombeExamplesMatchPublishedAndStatsmodelsValues() throws {
        let cases: [(Int, Int, Double, Double)] = [
            (81, 263, 0.2552885198782742, 0.36620957698280004),
            (15, 148, 0.06238639953073628, 0.16048724172330803),
            (0, 20, 0.0, 0.1611251580528194),
            (1, 29, 0.006113214292762667, 0.17175521879320294),
        ]
        for (k, n, lower, upper) in cases {
            let ci = try XCTUnwrap(WilsonInterval.interval(successes: k, trials: n).interval)
            XCTAssertEqual(ci.lower, lower, accuracy: 1e-12, "\(k)/\(n)")
            XCTAssertEqual(ci.upper, upper, accuracy: 1e-12, "\(k)/\(n)")
        }
    }

    func testAllSuccessesGiveAnUpperBoundOfExactlyOne() throws {
        let ci = try XCTUnwrap(WilsonInterval.interval(successes: 20, trials: 20).interval)
        XCTAssertEqual(ci.upper, 1)
        // Mirror of 0/20.
        XCTAssertEqual(ci.lower, 1 - 0.1611251580528194, accuracy: 1e-12)
    }

    func testNoTrialsIsUndefined() {
        XCTAssertEqual(WilsonInterval.interval(successes: 0, trials: 0), .undefined("no trials"))
    }
}
