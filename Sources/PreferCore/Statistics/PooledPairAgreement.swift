/// Agreement as MT-Bench's published table reports it (Zheng et al. 2023, Table 2 / 9):
/// over every item, every pair of two different raters' votes counts once; the agreement is
/// agreeing pairs / all pairs, pooled (not the mean over items that `percent_agreement` is).
/// Setup S2 leaves out every pair in which either vote is a tie (here: any vote without an A/B
/// verdict, so `tie` and `both_bad`; likert5 votes keep their five categories).
public struct PooledPairAgreement: Sendable, Equatable {
    public var agreeingPairs: Int
    public var pairs: Int
    public var agreement: Estimate
    /// Setup S2: pairs with no tie vote.
    public var agreeingPairsWithoutTies: Int
    public var pairsWithoutTies: Int
    public var agreementWithoutTies: Estimate
}

extension RatingMatrix {
    /// Pooled vote-pair agreement, with and without ties; set-aside labels (likert5's
    /// `both_bad`) are left out, as from every agreement statistic.
    public func pooledPairAgreement() -> PooledPairAgreement {
        if let agreement = agreementBox { return agreement.matrix.pooledPairAgreement() }
        let verdicts = categories.verdicts
        var agreeing = 0, pairs = 0, agreeingDecisive = 0, pairsDecisive = 0
        for i in 0..<itemCount {
            var size = 0, decisive = 0
            for p in runStart[i]..<runStart[i + 1] {
                let c = Int(runCount[p])
                size += c
                agreeing += c * (c - 1) / 2
                let v = verdicts[Int(runCategory[p])]
                if v == .a || v == .b {
                    decisive += c
                    agreeingDecisive += c * (c - 1) / 2
                }
            }
            pairs += size * (size - 1) / 2
            pairsDecisive += decisive * (decisive - 1) / 2
        }
        let none = "no item has two or more labels"
        return PooledPairAgreement(
            agreeingPairs: agreeing, pairs: pairs,
            agreement: pairs > 0 ? .value(Double(agreeing) / Double(pairs)) : .undefined(none),
            agreeingPairsWithoutTies: agreeingDecisive, pairsWithoutTies: pairsDecisive,
            agreementWithoutTies: pairsDecisive > 0 ? .value(Double(agreeingDecisive) / Double(pairsDecisive))
                : .undefined("no item has two or more labels with an A/B verdict"))
    }
}
