/// Head-to-head results of one unordered model pair (SPEC §8, "win rates").
public struct ModelPairWinRate: Sendable, Equatable {
    /// The first model by name (`model_a` in JSON); `winsA` are its wins.
    public var modelA: String
    /// The second model by name (`model_b` in JSON).
    public var modelB: String
    public var winsA: Int
    public var winsB: Int
    public var ties: Int
    public var bothBad: Int
    /// winsA / (winsA + winsB); ties and both_bad are left out.
    public var winRate: Estimate
    /// Wilson 95% interval of `winRate`.
    public var ci95: IntervalEstimate
    /// (winsA + ties/2) / (winsA + winsB + ties); both_bad is left out.
    public var winRateWithTies: Estimate
}

extension RatingMatrix {
    /// Win rates for every model pair with at least one counted label, in (modelA, modelB)
    /// name order. Every label counts (not one vote per item), so an item labeled by three
    /// raters contributes three outcomes.
    public func winRates() -> [ModelPairWinRate] {
        let comparisons = ModelComparisons(self)
        let models = modelNames.count
        var tally = [Int](repeating: 0, count: models * models * 4)
        for i in 0..<itemCount where comparisons.first[i] >= 0 {
            let base = (Int(comparisons.first[i]) * models + Int(comparisons.second[i])) * 4
            tally[base] += Int(comparisons.winsFirst[i])
            tally[base + 1] += Int(comparisons.winsSecond[i])
            tally[base + 2] += Int(comparisons.ties[i])
            tally[base + 3] += Int(comparisons.bothBad[i])
        }
        var result: [ModelPairWinRate] = []
        for f in 0..<models {
            for s in (f + 1)..<max(models, f + 1) {
                let base = (f * models + s) * 4
                let wa = tally[base], wb = tally[base + 1], ties = tally[base + 2], bad = tally[base + 3]
                guard wa + wb + ties + bad > 0 else { continue }
                let noDecisive = "no label prefers either model"
                result.append(ModelPairWinRate(
                    modelA: modelNames[f], modelB: modelNames[s],
                    winsA: wa, winsB: wb, ties: ties, bothBad: bad,
                    winRate: Self.ratio(wa, wa + wb, orUndefined: noDecisive),
                    ci95: wa + wb > 0 ? WilsonInterval.interval(successes: wa, trials: wa + wb)
                                      : .undefined(noDecisive),
                    winRateWithTies: wa + wb + ties > 0
                        ? .value((Double(wa) + Double(ties) / 2) / Double(wa + wb + ties))
                        : .undefined("no decisive or tie label")))
            }
        }
        return result
    }
}
