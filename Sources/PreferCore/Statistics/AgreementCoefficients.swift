extension RatingMatrix {
    /// Percent agreement (SPEC §8): over items with ≥ 2 labels, the mean of
    /// Σ_k n_ik(n_ik−1) / (n_i(n_i−1)) — the share of agreeing ordered rater pairs per item.
    public func percentAgreement() -> Estimate {
        AgreementSums(self).percentAgreement
    }

    /// Fleiss' kappa (Fleiss 1971): (P̄ − P̄e)/(1 − P̄e) with P̄ the percent agreement and
    /// P̄e = Σ_j p_j², p_j the share of category j among the labels of items with ≥ 2 labels.
    ///
    /// Undefined unless every item with ≥ 2 labels has the same number of labels (items with a
    /// single label are left out, as they are from percent agreement).
    public func fleissKappa() -> Estimate {
        if let reason = fleissUnequalLabelsReason() { return .undefined(reason) }
        return AgreementSums(self).fleissKappa
    }

    /// Gwet's AC1 for any number of raters per item, as R irrCAC `gwet.ac1.raw` (unweighted):
    /// pa = mean over items with ≥ 2 labels of Σ_k n_ik(n_ik−1)/(n_i(n_i−1));
    /// π_k = (1/n) Σ_i n_ik/n_i over all n items; pe = Σ_k π_k(1−π_k)/(q−1) with q the number
    /// of declared categories; AC1 = (pa − pe)/(1 − pe).
    ///
    /// Undefined with fewer than two declared categories (irrCAC substitutes pe = 1e-15 there).
    public func gwetAC1() -> Estimate {
        AgreementSums(self).gwetAC1
    }

    /// Why Fleiss' kappa is undefined for unequal label counts, or nil when the counts agree.
    func fleissUnequalLabelsReason() -> String? {
        if let agreement = agreementBox { return agreement.matrix.fleissUnequalLabelsReason() }
        var smallest = Int.max, largest = 0
        for i in 0..<itemCount {
            let size = itemStart[i + 1] - itemStart[i]
            guard size >= 2 else { continue }
            smallest = min(smallest, size)
            largest = max(largest, size)
        }
        guard largest > 0, smallest != largest else { return nil }
        return "items have between \(smallest) and \(largest) labels; Fleiss' kappa needs the same number on every item with two or more"
    }
}
