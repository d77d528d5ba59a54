/// Two raters' labels on their shared items, reduced to what the two-rater coefficients need:
/// agreements, both raters' category counts, and summed value differences.
public struct AgreementTable: Sendable, Equatable {
    /// Items both raters labeled.
    public var items: Int
    /// Items on which they chose the same category.
    public var agreements: Int
    /// How often the first rater chose each category (the contingency table's row sums).
    public var firstCounts: [Int]
    /// How often the second rater chose each category (the column sums).
    public var secondCounts: [Int]
    /// Σ over shared items of |v_first − v_second| (category values).
    public var absoluteDifferenceSum: Double
    /// Σ over shared items of (v_first − v_second)².
    public var squaredDifferenceSum: Double

    public init(items: Int, agreements: Int, firstCounts: [Int], secondCounts: [Int],
                absoluteDifferenceSum: Double, squaredDifferenceSum: Double) {
        self.items = items
        self.agreements = agreements
        self.firstCounts = firstCounts
        self.secondCounts = secondCounts
        self.absoluteDifferenceSum = absoluteDifferenceSum
        self.squaredDifferenceSum = squaredDifferenceSum
    }

    /// Builds the table from a q × q contingency table (rows: first rater) and category values.
    public init(contingency: [[Int]], values: [Double]) {
        let q = contingency.count
        var rows = [Int](repeating: 0, count: q), columns = rows
        var total = 0, diagonal = 0, absolute = 0.0, squared = 0.0
        for k in 0..<q {
            for l in 0..<q {
                let count = contingency[k][l]
                rows[k] += count
                columns[l] += count
                total += count
                if k == l { diagonal += count }
                let d = values[k] - values[l]
                absolute += Double(count) * abs(d)
                squared += Double(count) * d * d
            }
        }
        self.init(items: total, agreements: diagonal, firstCounts: rows, secondCounts: columns,
                  absoluteDifferenceSum: absolute, squaredDifferenceSum: squared)
    }

    private static let noItems = "the two raters share no item"

    /// Share of shared items with the same category.
    public func percentAgreement() -> Estimate {
        items > 0 ? .value(Double(agreements) / Double(items)) : .undefined(Self.noItems)
    }

    /// Cohen's kappa as scikit-learn `cohen_kappa_score` over the declared categories:
    /// (p_o − p_e)/(1 − p_e) with p_e = Σ_k (row_k/n)(col_k/n).
    public func cohenKappa() -> Estimate {
        guard items > 0 else { return .undefined(Self.noItems) }
        let n = Double(items)
        var chance = 0.0
        for k in firstCounts.indices { chance += Double(firstCounts[k]) * Double(secondCounts[k]) }
        chance /= n * n
        guard chance < 1 else {
            return .undefined("both raters used one and the same category throughout (0/0)")
        }
        return .finite((Double(agreements) / n - chance) / (1 - chance), orUndefined: "not a finite number")
    }

    /// Weighted kappa, 1 − Σ d_kl O_kl / Σ d_kl E_kl with E the independence table
    /// row_k·col_l/n and disagreement d = 1 − w for the agreement weights
    /// w_kl = 1 − |v_k − v_l|/(v_max − v_min) (linear) or 1 − (|v_k − v_l|/(v_max − v_min))²
    /// (quadratic). With equally spaced values this is scikit-learn's `weights="linear"` /
    /// `"quadratic"`; the range cancels, so only relative distances matter.
    public func weightedKappa(values: [Double], quadratic: Bool) -> Estimate {
        guard items > 0 else { return .undefined(Self.noItems) }
        let expected = quadratic ? expectedSquaredDifference(values) : expectedAbsoluteDifference(values)
        // Tested on the values, not on `expected`: the quadratic expansion can leave a few
        // ulps where the exact answer is 0, which would turn 0/0 into a kappa of 1.
        guard !usesOneValueOnly(values), expected > 0 else {
            return .undefined("the two raters' labels leave no room for chance disagreement (0/0)")
        }
        let observed = quadratic ? squaredDifferenceSum : absoluteDifferenceSum
        return .finite(1 - Double(items) * observed / expected, orUndefined: "not a finite number")
    }

    /// Scott's pi: (p_o − p_e)/(1 − p_e) with p_e = Σ_k ((row_k + col_k)/(2n))².
    public func scottPi() -> Estimate {
        guard items > 0 else { return .undefined(Self.noItems) }
        let twoN = 2 * Double(items)
        var chance = 0.0
        for k in firstCounts.indices {
            let p = Double(firstCounts[k] + secondCounts[k]) / twoN
            chance += p * p
        }
        guard chance < 1 else {
            return .undefined("both raters used one and the same category throughout (0/0)")
        }
        return .finite((Double(agreements) / Double(items) - chance) / (1 - chance), orUndefined: "not a finite number")
    }

    /// True when every category either rater used has one and the same value.
    func usesOneValueOnly(_ values: [Double]) -> Bool {
        var seen: Double?
        for k in values.indices where firstCounts[k] > 0 || secondCounts[k] > 0 {
            if let v = seen, v != values[k] { return false }
            seen = values[k]
        }
        return true
    }

    /// Σ_k Σ_l row_k col_l |v_k − v_l| in O(q log q): sweep categories by value, keeping
    /// running counts and value sums of what lies below.
    func expectedAbsoluteDifference(_ values: [Double]) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var rowsBelow = 0.0, rowValueBelow = 0.0, columnsBelow = 0.0, columnValueBelow = 0.0
        var total = 0.0
        for k in order {
            let v = values[k], r = Double(firstCounts[k]), c = Double(secondCounts[k])
            total += r * (v * columnsBelow - columnValueBelow) + c * (v * rowsBelow - rowValueBelow)
            rowsBelow += r; rowValueBelow += r * v
            columnsBelow += c; columnValueBelow += c * v
        }
        return total
    }

    /// Σ_k Σ_l row_k col_l (v_k − v_l)², expanded around the mean value to avoid cancellation.
    func expectedSquaredDifference(_ values: [Double]) -> Double {
        let centre = values.reduce(0, +) / Double(max(values.count, 1))
        var rows = 0.0, rowSum = 0.0, rowSquares = 0.0
        var columns = 0.0, columnSum = 0.0, columnSquares = 0.0
        for k in values.indices {
            let u = values[k] - centre, r = Double(firstCounts[k]), c = Double(secondCounts[k])
            rows += r; rowSum += r * u; rowSquares += r * u * u
            columns += c; columnSum += c * u; columnSquares += c * u * u
        }
        return max(0, columns * rowSquares + rows * columnSquares - 2 * rowSum * columnSum)
    }
}
