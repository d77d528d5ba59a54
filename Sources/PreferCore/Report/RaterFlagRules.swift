/// The rules that flag a rater for a lead's attention; each is simple enough to state in one
/// sentence of docs/REPORT.md, and none is a verdict: a flag says "look at these labels".
public enum RaterFlagRules {
    /// Family-wise level of the position-bias test, split over the raters tested (Bonferroni).
    public static let positionBiasLevel = 0.05
    /// A rater answering faster than this share of the team's median time is flagged.
    public static let fastShare = 1.0 / 3.0
    /// Gold accuracy below this, over at least `goldMinimumLabels` gold labels, is flagged.
    public static let goldAccuracyFloor = 0.7
    public static let goldMinimumLabels = 5
    /// Outlying agreement needs at least this many raters with a value to compare against.
    public static let minimumRatersForOutliers = 4

    /// Flags for each rater, in the order given.
    public static func flags(_ raters: [RaterDiagnostics]) -> [[RaterFlag]] {
        let tested = raters.filter { $0.positionBiasP.value != nil }.count
        let agreements = raters.compactMap { $0.agreementWithOthers.value }.sorted()
        let agreementFence: Double? = agreements.count >= minimumRatersForOutliers
            ? lowerTukeyFence(agreements) : nil
        let times = raters.compactMap { $0.medianMilliseconds.value }.sorted()
        let typicalTime: Double? = times.count >= 3 ? median(times) : nil
        return raters.map { r in
            var flags: [RaterFlag] = []
            if let p = r.positionBiasP.value, p < positionBiasLevel / Double(max(tested, 1)) {
                flags.append(.positionBias)
            }
            if let fence = agreementFence, let a = r.agreementWithOthers.value, a < fence {
                flags.append(.lowAgreement)
            }
            if let typical = typicalTime, let t = r.medianMilliseconds.value, t < typical * fastShare {
                flags.append(.fast)
            }
            if r.goldLabels >= goldMinimumLabels, let g = r.goldAccuracy.value, g < goldAccuracyFloor {
                flags.append(.lowGoldAccuracy)
            }
            return flags
        }
    }

    /// Q1 − 1.5·IQR (Tukey 1977), quartiles by the type-7 rule, of sorted values.
    static func lowerTukeyFence(_ sorted: [Double]) -> Double {
        let q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75)
        return q1 - 1.5 * (q3 - q1)
    }

    static func median(_ sorted: [Double]) -> Double { quantile(sorted, 0.5) }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        Quantile.type7(sorted: sorted, probability: p)
    }
}
