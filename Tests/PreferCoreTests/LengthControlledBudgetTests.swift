import XCTest
@testable import PreferCore

/// Issue 17: the length-controlled fit's bootstrap refits Newton's method on every item of
/// every resample, so above `LengthControlledRatings.bootstrapBudget` item-fits (20 million in
/// the report) its intervals are not computed. Exercised here with a small injected budget.
final class LengthControlledBudgetTests: XCTestCase {
    /// 40 items over four models, three raters each; lengths vary so that γ exists.
    static func matrix() throws -> RatingMatrix {
        var coded = CodedLabels()
        coded.modelNames = ["m0", "m1", "m2", "m3"]
        coded.raterNames = ["r0", "r1", "r2"]
        coded.choiceNames = ["A", "B", "tie"]
        var rng = SplitMix64(state: 3)
        for i in 0..<40 {
            coded.itemNames.append("t\(i)")
            let a = Int32(i % 4), b = Int32((i + 1 + i / 4 % 3) % 4)
            coded.itemModelA.append(a)
            coded.itemModelB.append(b)
            coded.itemLengthA.append(Int32(100 + (i * 37) % 400))
            coded.itemLengthB.append(Int32(100 + (i * 91) % 400))
            for r in 0..<3 {
                coded.item.append(Int32(i))
                coded.rater.append(Int32(r))
                // Mostly the lower-numbered model wins, with noise, so the fit exists.
                let u = rng.next() % 10
                coded.choice.append(u < 2 ? 2 : (u < 7) == (a < b) ? 0 : 1)
                coded.left.append(Int8(rng.next() % 2))
                coded.milliseconds.append(CodedLabels.noMilliseconds)
            }
        }
        return try RatingMatrix(coded: coded, categories: CategorySet.declare(choices: coded.choiceNames))
    }

    func testAboveTheBudgetTheIntervalsAreLeftOutWithAReasonAndThePointEstimatesStay() throws {
        let matrix = try Self.matrix()
        let free = try XCTUnwrap(matrix.lengthControlledRatings(bootstrap: BootstrapSettings(resamples: 30, seed: 1)))
        let capped = try XCTUnwrap(matrix.lengthControlledRatings(bootstrap: BootstrapSettings(resamples: 30, seed: 1), budget: 1000))
        let why = "not computed: 40 items × 30 resamples is above the length-controlled bootstrap's budget of 1000 "
            + "item-fits; use --bootstrap 25 or fewer"
        XCTAssertEqual(capped.lengthCoefficientCI, .undefined(why))
        XCTAssertEqual(capped.ratings.map(\.ci95), Array(repeating: .undefined(why), count: 4))
        XCTAssertEqual(capped.ratings.map(\.rating), free.ratings.map(\.rating))
        XCTAssertEqual(capped.lengthCoefficient, free.lengthCoefficient)
        XCTAssertEqual(capped.labels, 120)
        XCTAssertNotNil(free.lengthCoefficient.value)
        for rating in free.ratings { XCTAssertNotNil(rating.ci95.interval, rating.model) }
        XCTAssertNotNil(free.lengthCoefficientCI.interval)
    }

    func testTheSuggestedResampleCountFitsTheBudget() throws {
        let matrix = try Self.matrix()
        // 40 × 25 = 1000: at the budget, computed.
        let at = try XCTUnwrap(matrix.lengthControlledRatings(bootstrap: BootstrapSettings(resamples: 25, seed: 1), budget: 1000))
        XCTAssertNotNil(at.lengthCoefficientCI.interval)
        for rating in at.ratings { XCTAssertNotNil(rating.ci95.interval, rating.model) }
        // One resample more is over it.
        let over = try XCTUnwrap(matrix.lengthControlledRatings(bootstrap: BootstrapSettings(resamples: 26, seed: 1), budget: 1000))
        XCTAssertEqual(over.lengthCoefficientCI.reason?.hasPrefix("not computed: 40 items × 26 resamples"), true)
    }

    func testTheReportsBudgetIsTwentyMillionItemFits() {
        XCTAssertEqual(LengthControlledRatings.bootstrapBudget, 20_000_000)
    }
}
