import XCTest
@testable import PreferCore

final class StatisticsCategoryTests: XCTestCase {
    func testPairwiseChoicesDeclareAllFourPairwiseCategoriesUnordered() throws {
        let set = try CategorySet.declare(choices: ["A", "B", "A"])
        XCTAssertEqual(set.names, ["A", "B", "tie", "both_bad"])
        XCTAssertEqual(set.scale, .pairwise)
        XCTAssertFalse(set.isOrdered)
    }

    func testLikertChoicesDeclareLikert5OrderedWithValuesTwoToMinusTwo() throws {
        let set = try CategorySet.declare(choices: ["A>B", "tie"])
        XCTAssertEqual(set.names, ["A>>B", "A>B", "tie", "B>A", "B>>A"])
        XCTAssertTrue(set.isOrdered)
        XCTAssertEqual(set.values, [2, 1, 0, -1, -2])
    }

    func testOnlyTiesFollowTheSessionScaleWhenGiven() throws {
        XCTAssertEqual(try CategorySet.declare(choices: ["tie"]).scale, .pairwise)
        XCTAssertEqual(try CategorySet.declare(choices: ["tie"], scaleHint: .likert5).scale, .likert5)
    }

    func testNumericChoicesAreOrderedByNumberWithTheirNumbersAsValues() throws {
        let set = try CategorySet.declare(choices: ["10", "2", "-1.5", "2"])
        XCTAssertEqual(set.names, ["-1.5", "2", "10"])
        XCTAssertTrue(set.isOrdered)
        XCTAssertEqual(set.values, [-1.5, 2, 10])
    }

    func testOtherStringsAreSortedAndUnorderedUnlessOrdinal() throws {
        let set = try CategorySet.declare(choices: ["good", "bad", "A"])
        XCTAssertEqual(set.names, ["A", "bad", "good"])
        XCTAssertFalse(set.isOrdered)
        let ordinal = try CategorySet.declare(choices: ["good", "bad", "A"], ordinal: true)
        XCTAssertTrue(ordinal.isOrdered)
        XCTAssertEqual(ordinal.values, [1, 2, 3])
    }

    func testHexInfinityAndNaNAreNotNumbers() throws {
        XCTAssertFalse(try CategorySet.declare(choices: ["1", "0x10"]).isOrdered)
        XCTAssertFalse(try CategorySet.declare(choices: ["1", "inf"]).isOrdered)
        XCTAssertFalse(try CategorySet.declare(choices: ["nan", "2"]).isOrdered)
        XCTAssertFalse(try CategorySet.declare(choices: ["1e999", "2"]).isOrdered)
    }

    func testExplicitCategoriesKeepTheirOrderAndOrdinalUsesPositions() throws {
        let set = try CategorySet.declare(choices: ["low"], explicit: ["low", "mid", "high"], ordinal: true)
        XCTAssertEqual(set.names, ["low", "mid", "high"])
        XCTAssertEqual(set.values, [1, 2, 3])
        XCTAssertTrue(set.isOrdered)
        let pairwise = try CategorySet.declare(choices: ["A"], explicit: ["A", "B", "tie", "both_bad"])
        XCTAssertEqual(pairwise.scale, .pairwise)
    }

    func testExplicitCategoriesAreCheckedForEmptyDuplicateAndUnknownNames() {
        XCTAssertThrowsError(try CategorySet.declare(choices: ["a"], explicit: [])) {
            XCTAssertEqual($0 as? StatisticsError, .noCategories)
        }
        XCTAssertThrowsError(try CategorySet.declare(choices: ["a"], explicit: ["a", "a"])) {
            XCTAssertEqual("\($0)", "--categories lists \"a\" more than once")
        }
        XCTAssertThrowsError(try CategorySet.declare(choices: ["a"], explicit: ["a", ""])) {
            XCTAssertEqual($0 as? StatisticsError, .emptyCategory)
        }
        let labels = [ObservedLabel(item: "t1", rater: "ann", choice: "maybe")]
        XCTAssertThrowsError(try RatingMatrix.build(labels: labels, categories: ["yes", "no"])) {
            XCTAssertEqual("\($0)", "rater \"ann\" chose \"maybe\" on task \"t1\", which is not among the declared categories (\"yes\", \"no\")")
        }
    }

    func testTwoLabelsOfOneRaterOnOneItemAreRefused() {
        let labels = [ObservedLabel(item: "t1", rater: "ann", choice: "A"),
                      ObservedLabel(item: "t2", rater: "bob", choice: "A"),
                      ObservedLabel(item: "t1", rater: "ann", choice: "B")]
        XCTAssertThrowsError(try RatingMatrix.build(labels: labels)) {
            XCTAssertEqual($0 as? StatisticsError, .duplicateLabel(item: "t1", rater: "ann"))
        }
    }

    func testInputOrderDoesNotChangeTheMatrix() throws {
        let labels = StatisticsFixture.grid(StatisticsFixture.krippendorff2011)
        let a = try RatingMatrix.build(labels: labels)
        let b = try RatingMatrix.build(labels: labels.reversed())
        XCTAssertEqual(a.itemIDs, b.itemIDs)
        XCTAssertEqual(a.raterIDs, b.raterIDs)
        XCTAssertEqual(a.labelCategory, b.labelCategory)
        XCTAssertEqual(a.labelRater, b.labelRater)
        XCTAssertEqual(a.runCount, b.runCount)
    }
}
