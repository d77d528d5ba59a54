/// The difference function of Krippendorff's alpha (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability", section on metric differences).
public enum AlphaMetric: String, Sendable, CaseIterable {
    /// δ² = 0 for equal categories, 1 otherwise.
    case nominal
    /// Krippendorff's rank metric over the declared order: δ²_ck = (Σ_{g=c}^{k} n_g − (n_c+n_k)/2)²
    /// with n_g the coincidence-matrix marginals.
    case ordinal
    /// δ²_ck = (v_c − v_k)² with the categories' values.
    case interval
}

extension RatingMatrix {
    /// Krippendorff's alpha from the coincidence matrix: α = 1 − (n−1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck,
    /// where o_ck = Σ_u (number of c–k pairs of values in unit u)/(m_u − 1), n_c its marginals and
    /// n the number of pairable values. Units (items) with fewer than two labels are dropped.
    ///
    /// Ordinal and interval need ordered categories; otherwise they are undefined.
    public func krippendorffAlpha(_ metric: AlphaMetric) -> Estimate {
        switch metric {
        case .nominal:
            return AgreementSums(self).alphaNominal
        case .ordinal, .interval:
            guard categories.isOrdered else {
                return .undefined("the categories are not ordered (use --ordinal to declare an order)")
            }
            return metricAlpha(metric)
        }
    }

    /// Ordinal and interval alpha. Both metrics are squared differences of a position x_c:
    /// the value for interval, and for ordinal the mid-rank M_c = Σ_{g<c} n_g + n_c/2, because
    /// Σ_{g=c}^{k} n_g − (n_c+n_k)/2 = M_k − M_c. Squared differences then sum as variances,
    /// Σ_ck a_c a_k (x_c−x_k)² = 2 A Σ_c a_c (x_c − x̄)², which is O(categories) and centred,
    /// so no cancellation creeps in.
    private func metricAlpha(_ metric: AlphaMetric) -> Estimate {
        if let agreement = agreementBox { return agreement.matrix.metricAlpha(metric) }
        let q = categories.count
        var marginals = [Double](repeating: 0, count: q)
        var pairable = 0
        for i in 0..<itemCount where runLabelCount(i) >= 2 {
            pairable += 1
            for p in runStart[i]..<runStart[i + 1] {
                marginals[Int(runCategory[p])] += Double(runCount[p])
            }
        }
        guard pairable > 0 else { return .undefined(AgreementSums.noPairableItem) }
        var x = categories.values
        if metric == .ordinal {
            var below = 0.0
            for c in 0..<q {
                x[c] = below + marginals[c] / 2
                below += marginals[c]
            }
        }
        let n = marginals.reduce(0, +)
        let used = (0..<q).filter { marginals[$0] > 0 }
        // Checked on the positions themselves: a spread computed in floating point could be a
        // few ulps above zero and turn 0/0 into a spurious alpha of 1.
        guard let first = used.first, used.contains(where: { x[$0] != x[first] }) else {
            return .undefined("all pairable labels have the same \(metric == .ordinal ? "rank" : "value"), so expected disagreement is 0 (0/0)")
        }
        let expected = 2 * n * Self.weightedSpread(weights: marginals, positions: x)

        var observed = 0.0
        var unitWeights = [Double](repeating: 0, count: q)
        for i in 0..<itemCount {
            let m = runLabelCount(i)
            guard m >= 2 else { continue }
            var used: [Int] = []
            for p in runStart[i]..<runStart[i + 1] {
                let c = Int(runCategory[p])
                unitWeights[c] = Double(runCount[p])
                used.append(c)
            }
            var mean = 0.0
            for c in used { mean += unitWeights[c] * x[c] }
            mean /= Double(m)
            var spread = 0.0
            for c in used { spread += unitWeights[c] * (x[c] - mean) * (x[c] - mean) }
            observed += 2 * Double(m) * spread / Double(m - 1)
            for c in used { unitWeights[c] = 0 }
        }
        return .finite(1 - (n - 1) * observed / expected, orUndefined: "not a finite number")
    }

    /// Σ_c a_c (x_c − x̄)² with x̄ the a-weighted mean.
    static func weightedSpread(weights a: [Double], positions x: [Double]) -> Double {
        var total = 0.0, mean = 0.0
        for c in a.indices { total += a[c]; mean += a[c] * x[c] }
        guard total > 0 else { return 0 }
        mean /= total
        var spread = 0.0
        for c in a.indices where a[c] > 0 { spread += a[c] * (x[c] - mean) * (x[c] - mean) }
        return spread
    }

    /// Number of labels on item `i`.
    func runLabelCount(_ i: Int) -> Int { itemStart[i + 1] - itemStart[i] }
}
