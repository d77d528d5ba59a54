/// Agreement between two raters on the items both labeled (SPEC §8, "per rater pair").
public struct RaterPairAgreement: Sendable, Equatable {
    /// The pair's names, first < second.
    public var first: String
    public var second: String
    /// Number of items both labeled.
    public var items: Int
    public var percentAgreement: Estimate
    /// Cohen's kappa over the declared categories.
    public var cohenKappa: Estimate
    /// Linearly weighted kappa; undefined unless the categories are ordered.
    public var cohenKappaLinear: Estimate
    /// Quadratically weighted kappa; undefined unless the categories are ordered.
    public var cohenKappaQuadratic: Estimate
    public var scottPi: Estimate
    /// The sufficient statistics the coefficients were computed from.
    public var table: AgreementTable

    /// Computes every coefficient of one table.
    public init(first: String, second: String, table: AgreementTable, categories: CategorySet) {
        self.first = first
        self.second = second
        self.items = table.items
        self.table = table
        percentAgreement = table.percentAgreement()
        cohenKappa = table.cohenKappa()
        scottPi = table.scottPi()
        if categories.isOrdered {
            cohenKappaLinear = table.weightedKappa(values: categories.values, quadratic: false)
            cohenKappaQuadratic = table.weightedKappa(values: categories.values, quadratic: true)
        } else {
            let why = "the categories are not ordered (use --ordinal to declare an order)"
            cohenKappaLinear = .undefined(why)
            cohenKappaQuadratic = .undefined(why)
        }
    }
}

extension RatingMatrix {
    /// Every pair of raters that share at least one item, ordered by (first, second) name.
    ///
    /// Work is Σ_items m_i(m_i−1)/2: for each first rater, walk its items and, inside each
    /// item, only the raters after it (labels in an item are sorted by rater), tallying into
    /// per-second-rater scratch rows that are reset as soon as the first rater is done.
    /// Set-aside labels (likert5's `both_bad`) are left out, as from every agreement statistic.
    public func raterPairAgreements() -> [RaterPairAgreement] {
        if let agreement = agreementBox { return agreement.matrix.raterPairAgreements() }
        let q = categories.count, r = raterCount
        let values = categories.values
        var shared = [Int](repeating: 0, count: r), agreements = shared
        var firstCounts = [Int](repeating: 0, count: r * q), secondCounts = firstCounts
        var absolute = [Double](repeating: 0, count: r), squared = absolute
        var touched: [Int] = []
        var result: [RaterPairAgreement] = []
        for r1 in 0..<r {
            for slot in raterStart[r1]..<raterStart[r1 + 1] {
                let p = Int(raterLabels[slot])
                let item = Int(labelItem[p])
                let c1 = Int(labelCategory[p])
                for p2 in (p + 1)..<itemStart[item + 1] {
                    let r2 = Int(labelRater[p2]), c2 = Int(labelCategory[p2])
                    if shared[r2] == 0 { touched.append(r2) }
                    shared[r2] += 1
                    if c1 == c2 { agreements[r2] += 1 }
                    firstCounts[r2 * q + c1] += 1
                    secondCounts[r2 * q + c2] += 1
                    let d = values[c1] - values[c2]
                    absolute[r2] += abs(d)
                    squared[r2] += d * d
                }
            }
            touched.sort()
            for r2 in touched {
                let table = AgreementTable(
                    items: shared[r2], agreements: agreements[r2],
                    firstCounts: Array(firstCounts[(r2 * q)..<(r2 * q + q)]),
                    secondCounts: Array(secondCounts[(r2 * q)..<(r2 * q + q)]),
                    absoluteDifferenceSum: absolute[r2], squaredDifferenceSum: squared[r2])
                result.append(RaterPairAgreement(first: raterIDs[r1], second: raterIDs[r2],
                                                 table: table, categories: categories))
                shared[r2] = 0; agreements[r2] = 0; absolute[r2] = 0; squared[r2] = 0
                for k in 0..<q { firstCounts[r2 * q + k] = 0; secondCounts[r2 * q + k] = 0 }
            }
            touched.removeAll(keepingCapacity: true)
        }
        return result
    }
}
