import XCTest
@testable import PreferCore

final class CohenKappaTests: XCTestCase {
    /// Wikipedia, "Cohen's kappa", first example: 50 grant proposals, both "Yes" 20, both "No"
    /// 15, A-Yes/B-No 5, A-No/B-Yes 10: p_o = 0.7, p_e = 0.5, κ = 0.4 (scikit-learn agrees:
    /// `cohen_kappa_score` = 0.4). Scott's pi by hand: pooled p_yes = 55/100, p_no = 45/100,
    /// p_e = 0.505, π = 0.195/0.495 = 13/33.
    func testWikipediaProposalExampleGivesKappaPoint4AndScottThirteenThirtyThirds() {
        let table = AgreementTable(contingency: [[20, 5], [10, 15]], values: [1, 2])
        XCTAssertEqual(try XCTUnwrap(table.cohenKappa().value), 0.4, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(table.scottPi().value), 13.0 / 33.0, accuracy: 1e-15)
        XCTAssertEqual(table.percentAgreement(), .value(0.7))
    }

    /// irrCAC README and "weighting" vignette (kgwet/irrCAC), `cont3x3abstractors`:
    /// Cohen 0.7964094, Scott 0.7962397, quadratic-weighted kappa 0.8921569; scikit-learn 1.9.1
    /// `cohen_kappa_score(y1, y2[, weights=…])` gives 0.7964094021839718, linear
    /// 0.8429020279920023, quadratic 0.892156862745098.
    func testAbstractorsTableMatchesIrrCACAndScikitLearn() throws {
        let table = AgreementTable(contingency: StatisticsFixture.abstractors, values: [1, 2, 3])
        XCTAssertEqual(try XCTUnwrap(table.cohenKappa().value), 0.7964094021839718, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(table.scottPi().value), 0.7962397, accuracy: 1e-7)
        XCTAssertEqual(try XCTUnwrap(table.weightedKappa(values: [1, 2, 3], quadratic: false).value),
                       0.8429020279920023, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(table.weightedKappa(values: [1, 2, 3], quadratic: true).value),
                       0.892156862745098, accuracy: 1e-12)
    }

    /// Unequally spaced numeric categories 0, 1, 5: weights come from the values, so this is
    /// not scikit-learn's index-based weighting. Literals from a direct NumPy evaluation of
    /// 1 − Σ d·O / Σ d·E with d = |v_k − v_l|/5 (linear) or its square.
    func testWeightedKappaUsesCategoryValuesNotPositions() throws {
        let first = [0, 0, 1, 1, 2, 2, 0, 1, 2, 2, 1, 0], second = [0, 1, 1, 2, 2, 1, 0, 0, 2, 1, 1, 2]
        var labels: [ObservedLabel] = []
        let names = ["0", "1", "5"]
        for i in first.indices {
            labels.append(ObservedLabel(item: "t\(i)", rater: "a", choice: names[first[i]]))
            labels.append(ObservedLabel(item: "t\(i)", rater: "b", choice: names[second[i]]))
        }
        let m = try RatingMatrix.build(labels: labels)
        XCTAssertEqual(m.categories.values, [0, 1, 5])
        let pair = try XCTUnwrap(m.raterPairAgreements().first)
        XCTAssertEqual(try XCTUnwrap(pair.cohenKappaLinear.value), 0.2784810126582279, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(pair.cohenKappaQuadratic.value), 0.31192660550458706, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(pair.cohenKappa.value), 0.25, accuracy: 1e-12)
    }

    /// The kappa paradox (Feinstein & Cicchetti 1990; Gwet 2008): 100 items, pairwise scale,
    /// (A,A)×90, (A,B)×5, (B,A)×5. Agreement is 90% yet kappa is negative, while AC1 stays high.
    /// By hand: κ = (0.9 − 0.905)/0.095 = −1/19 (scikit-learn: −0.05263157894736836); Scott's
    /// pi and Fleiss' kappa are the same here; α_nominal = 1 − 199·20/3800 = −9/190
    /// (`krippendorff` 0.9.0: −0.047368421052631726); AC1 with q = 4:
    /// pe = (0.95·0.05 + 0.05·0.95)/3 = 19/600, AC1 = (0.9 − 19/600)/(1 − 19/600) = 521/581.
    func testKappaParadoxHighAgreementLowKappaHighAC1() throws {
        var labels: [ObservedLabel] = []
        for i in 0..<100 {
            let (x, y) = i < 90 ? ("A", "A") : (i < 95 ? ("A", "B") : ("B", "A"))
            labels.append(ObservedLabel(item: "t\(i)", rater: "ann", choice: x))
            labels.append(ObservedLabel(item: "t\(i)", rater: "bob", choice: y))
        }
        let m = try RatingMatrix.build(labels: labels)
        let pair = try XCTUnwrap(m.raterPairAgreements().first)
        XCTAssertEqual(pair.percentAgreement, .value(0.9))
        XCTAssertEqual(try XCTUnwrap(pair.cohenKappa.value), -1.0 / 19.0, accuracy: 1e-13)
        XCTAssertEqual(try XCTUnwrap(pair.scottPi.value), -1.0 / 19.0, accuracy: 1e-13)
        XCTAssertEqual(try XCTUnwrap(m.fleissKappa().value), -1.0 / 19.0, accuracy: 1e-13)
        XCTAssertEqual(try XCTUnwrap(m.krippendorffAlpha(.nominal).value), -9.0 / 190.0, accuracy: 1e-13)
        XCTAssertEqual(try XCTUnwrap(m.gwetAC1().value), 521.0 / 581.0, accuracy: 1e-15)
        XCTAssertGreaterThan(try XCTUnwrap(m.gwetAC1().value), 0.89)
    }

    func testPairsCoverOnlySharedItemsAndComeInNameOrder() throws {
        let labels = [
            ObservedLabel(item: "t1", rater: "zoe", choice: "A"), ObservedLabel(item: "t1", rater: "amy", choice: "A"),
            ObservedLabel(item: "t2", rater: "zoe", choice: "B"), ObservedLabel(item: "t2", rater: "amy", choice: "A"),
            ObservedLabel(item: "t2", rater: "kim", choice: "B"), ObservedLabel(item: "t3", rater: "kim", choice: "tie"),
        ]
        let pairs = try RatingMatrix.build(labels: labels).raterPairAgreements()
        XCTAssertEqual(pairs.map { [$0.first, $0.second] }, [["amy", "kim"], ["amy", "zoe"], ["kim", "zoe"]])
        XCTAssertEqual(pairs.map(\.items), [1, 2, 1])
        XCTAssertEqual(pairs[1].percentAgreement, .value(0.5))
        XCTAssertEqual(pairs[2].percentAgreement, .value(1))
        // amy/zoe: rows (A 2), columns (A 1, B 1): p_e = 0.5, p_o = 0.5 → κ = 0.
        XCTAssertEqual(pairs[1].cohenKappa, .value(0))
        XCTAssertEqual(pairs[1].cohenKappaLinear.reason, "the categories are not ordered (use --ordinal to declare an order)")
    }

    func testSameSingleCategoryThroughoutLeavesEveryKappaUndefined() {
        let table = AgreementTable(contingency: [[5, 0], [0, 0]], values: [1, 2])
        XCTAssertEqual(table.percentAgreement(), .value(1))
        XCTAssertNil(table.cohenKappa().value)
        XCTAssertNil(table.scottPi().value)
        XCTAssertNil(table.weightedKappa(values: [1, 2], quadratic: false).value)
        XCTAssertNil(table.weightedKappa(values: [1, 2], quadratic: true).value)
    }

    func testEmptyTableIsUndefinedEverywhere() {
        let table = AgreementTable(contingency: [[0, 0], [0, 0]], values: [1, 2])
        XCTAssertEqual(table.cohenKappa(), .undefined("the two raters share no item"))
        XCTAssertEqual(table.percentAgreement(), .undefined("the two raters share no item"))
    }
}
