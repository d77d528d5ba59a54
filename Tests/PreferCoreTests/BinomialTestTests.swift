import XCTest
@testable import PreferCore

final class BinomialTestTests: XCTestCase {
    /// Literals from SciPy 1.17.1 `scipy.stats.binomtest(k, n, p).pvalue` (two-sided, the
    /// method of R `binom.test`: outcomes no more likely than the observed one, relative
    /// tolerance 1e-7).
    func testTwoSidedPValuesMatchSciPy() throws {
        let cases: [(Int, Int, Double, Double)] = [
            (7, 20, 0.5, 0.26317596435546875),
            (3, 10, 0.5, 0.34375),
            (0, 5, 0.5, 0.0625),
            (5, 10, 0.5, 1.0),
            (60, 100, 0.5, 0.05688793364098089),
            (40, 100, 0.5, 0.05688793364098089),
            (13, 17, 0.5, 0.049041748046875),
            (2, 30, 0.5, 8.67992639541626e-07),
            (1450, 3000, 0.5, 0.07066904481175819),
            (1500, 3000, 0.5, 1.0),
            (1, 1, 0.5, 1.0),
            (0, 8, 0.5, 0.0078125),
            (8, 8, 0.5, 0.0078125),
            (3, 10, 0.2, 0.42957465600000017),
            (9, 12, 0.3, 0.0016916554349999992),
        ]
        for (k, n, p, expected) in cases {
            let value = try XCTUnwrap(BinomialTest.twoSidedPValue(successes: k, trials: n, probability: p).value)
            XCTAssertEqual(value, expected, accuracy: 1e-12 * max(1, expected) + expected * 1e-10, "\(k)/\(n) p=\(p)")
        }
    }

    /// SciPy: `binomtest(682, 925, 0.5).pvalue` = 7.087290775071152e-49; relative precision matters
    /// for tiny p-values, so this one is compared relatively.
    func testTinyPValueKeepsRelativePrecision() throws {
        let value = try XCTUnwrap(BinomialTest.twoSidedPValue(successes: 682, trials: 925).value)
        XCTAssertEqual(value / 7.087290775071152e-49, 1, accuracy: 1e-9)
    }

    func testNoTrialsIsUndefined() {
        XCTAssertEqual(BinomialTest.twoSidedPValue(successes: 0, trials: 0), .undefined("no trials"))
    }
}
