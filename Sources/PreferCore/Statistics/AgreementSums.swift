/// Item-weighted sums from which percent agreement, nominal alpha, Fleiss' kappa and AC1
/// all follow.
///
/// A bootstrap resample is a multiset of items, i.e. a weight (how often it was drawn) per
/// item; the point estimate is the case where every weight is 1. Computing both through this
/// one type keeps the intervals consistent with the point estimates by construction.
struct AgreementSums: Sendable {
    /// Σ w over all items (AC1's n: subjects with at least one rating).
    var items = 0.0
    /// Σ w over items with ≥ 2 labels.
    var pairableItems = 0.0
    /// Σ w · Σ_k n_ik(n_ik−1) / (n_i(n_i−1)) over items with ≥ 2 labels.
    var agreement = 0.0
    /// Σ w · n_i over items with ≥ 2 labels (Krippendorff's n, the pairable values).
    var pairableValues = 0.0
    /// Σ w · Σ_k n_ik(n_i − n_ik)/(n_i − 1): the off-diagonal mass of the coincidence matrix.
    var nominalObserved = 0.0
    /// Σ w · n_ik over items with ≥ 2 labels: the coincidence matrix marginals n_k.
    var marginals: [Double]
    /// Σ w · n_ik / n_i over all items: AC1's classification shares before dividing by n.
    var shares: [Double]

    /// Sums over the matrix's agreement labels (set-aside choices left out) with the given
    /// item weights (nil: every item once).
    init(_ full: RatingMatrix, weights: [Int32]? = nil) {
        let m = full.agreementLabels
        self.init(categories: m.categories.count)
        for i in 0..<(m.runStart.count - 1) {
            var w = 1.0
            if let weights {
                if weights[i] == 0 { continue }
                w = Double(weights[i])
            }
            add(m, item: i, weight: w)
        }
    }

    /// Sums over some items only: `items[k]` counted `weights[k]` times (nil: once each), for
    /// the agreement on the items of one model pair and its bootstrap within them.
    init(_ full: RatingMatrix, items: [Int], weights: [Int32]? = nil) {
        let m = full.agreementLabels
        self.init(categories: m.categories.count)
        for (k, i) in items.enumerated() {
            let w = weights.map { Double($0[k]) } ?? 1
            if w > 0 { add(m, item: i, weight: w) }
        }
    }

    private init(categories q: Int) {
        marginals = [Double](repeating: 0, count: q)
        shares = marginals
    }

    /// Adds item `i` with weight `w`.
    @inline(__always)
    private mutating func add(_ m: RatingMatrix, item i: Int, weight w: Double) {
        let lo = m.runStart[i], hi = m.runStart[i + 1]
        var size: Int32 = 0
        for p in lo..<hi { size += m.runCount[p] }
        // An item whose only labels were set aside is not a subject of the agreement.
        guard size > 0 else { return }
        let mi = Double(size)
        items += w
        let share = w / mi
        for p in lo..<hi { shares[Int(m.runCategory[p])] += share * Double(m.runCount[p]) }
        guard size >= 2 else { return }
        var same = 0.0, off = 0.0
        for p in lo..<hi {
            let c = Double(m.runCount[p])
            same += c * (c - 1)
            off += c * (mi - c)
            marginals[Int(m.runCategory[p])] += w * c
        }
        pairableItems += w
        pairableValues += w * mi
        agreement += w * same / (mi * (mi - 1))
        nominalObserved += w * off / (mi - 1)
    }

    static let noPairableItem = "no item has two or more labels"

    /// Mean per-item pairwise agreement over items with ≥ 2 labels.
    var percentAgreement: Estimate {
        pairableItems > 0 ? .value(agreement / pairableItems) : .undefined(Self.noPairableItem)
    }

    /// Krippendorff's alpha with the nominal metric.
    var alphaNominal: Estimate {
        guard pairableItems > 0 else { return .undefined(Self.noPairableItem) }
        let n = pairableValues
        var squares = 0.0
        for x in marginals { squares += x * x }
        let expected = n * n - squares
        guard expected > 0 else {
            return .undefined("all pairable labels are in one category, so expected disagreement is 0 (0/0)")
        }
        return .finite(1 - (n - 1) * nominalObserved / expected, orUndefined: "not a finite number")
    }

    /// Fleiss' kappa, valid only when every item with ≥ 2 labels has the same number of labels.
    var fleissKappa: Estimate {
        guard pairableItems > 0 else { return .undefined(Self.noPairableItem) }
        let n = pairableValues
        var chance = 0.0
        for x in marginals { chance += (x / n) * (x / n) }
        guard chance < 1 else {
            return .undefined("all pairable labels are in one category, so chance agreement is 1 (0/0)")
        }
        return .finite((agreement / pairableItems - chance) / (1 - chance), orUndefined: "not a finite number")
    }

    /// Gwet's AC1 with q declared categories.
    var gwetAC1: Estimate {
        let q = shares.count
        guard q >= 2 else {
            return .undefined("fewer than two declared categories, so chance agreement is undefined")
        }
        guard pairableItems > 0 else { return .undefined(Self.noPairableItem) }
        let pa = agreement / pairableItems
        var spread = 0.0
        for s in shares {
            let pi = s / items
            spread += pi * (1 - pi)
        }
        let pe = spread / Double(q - 1)
        // pe ≤ 1/q ≤ 1/2 for q ≥ 2, so the denominator never vanishes.
        return .finite((pa - pe) / (1 - pe), orUndefined: "not a finite number")
    }
}
