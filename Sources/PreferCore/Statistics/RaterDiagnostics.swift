/// One rater's quality signals (SPEC §8, "per rater").
public struct RaterDiagnostics: Sendable, Equatable {
    public var rater: String
    /// Number of effective labels.
    public var labels: Int
    /// Share of compared items on which the rater chose the other raters' strict plurality.
    public var agreementWithOthers: Estimate
    /// Items counted in `agreementWithOthers`: ≥ 2 other labels and a strict plurality among them.
    public var comparedItems: Int
    /// Decisive labels (A-side or B-side) whose screen side was recorded.
    public var decisiveLabels: Int
    /// Of those, how many chose the response shown on the left.
    public var leftChosen: Int
    /// leftChosen / decisiveLabels.
    public var leftRate: Estimate
    /// Two-sided exact binomial p-value of leftChosen against 0.5.
    public var positionBiasP: Estimate
    /// Share of all labels that are `tie`; undefined for a rater left with no effective label
    /// (every label undone, or only skips), whom the report still lists.
    public var tieRate: Estimate
    /// Share of all labels that are `both_bad`; undefined as `tieRate` is.
    public var bothBadRate: Estimate
    /// Median of the recorded milliseconds (mean of the middle two for an even count).
    public var medianMilliseconds: Estimate
    /// Labels on gold items.
    public var goldLabels: Int
    /// Share of gold-item labels that match the gold choice.
    public var goldAccuracy: Estimate
}

extension RatingMatrix {
    /// Diagnostics for every rater, in rater-name order.
    ///
    /// Agreement with others: for each item the rater labeled that has ≥ 2 labels from other
    /// raters, the others' strict plurality (items where the others tie are skipped); the rate
    /// is the share where the rater chose it. A gold answer counts as matched when the choice is
    /// spelled the same, or when the gold is `A` (`B`) and the choice favours A (B), so that a
    /// likert5 `A>>B` matches a gold `A`.
    ///
    /// Agreement with others reads the agreement labels (set-aside choices such as likert5's
    /// `both_bad` left out, as from every agreement statistic); every other value reads all
    /// labels, so a both_bad label counts in `labels` and `bothBadRate`.
    public func raterDiagnostics() -> [RaterDiagnostics] {
        let verdicts = categories.verdicts
        let agreement = agreementLabels
        return (0..<raterCount).map { r in
            var compared = 0, agreed = 0, decisive = 0, left = 0, ties = 0, bothBad = 0
            var goldLabels = 0, goldCorrect = 0
            var times: [Int] = []
            let labels = raterStart[r + 1] - raterStart[r]
            // Raters keep their index in the agreement matrix.
            for slot in agreement.raterStart[r]..<agreement.raterStart[r + 1] {
                let p = Int(agreement.raterLabels[slot])
                let own = agreement.labelCategory[p]
                if let plurality = agreement.othersPlurality(item: Int(agreement.labelItem[p]), excluding: own) {
                    compared += 1
                    if plurality == own { agreed += 1 }
                }
            }
            for slot in raterStart[r]..<raterStart[r + 1] {
                let p = Int(raterLabels[slot]), item = Int(labelItem[p])
                let own = labelCategory[p], verdict = verdicts[Int(own)]
                switch verdict {
                case .tie: ties += 1
                case .bothBad: bothBad += 1
                case .a, .b:
                    if labelLeft[p] >= 0 {
                        decisive += 1
                        if (verdict == .a) == (labelLeft[p] == 0) { left += 1 }
                    }
                case .other: break
                }
                if labelMs[p] != Self.noMilliseconds { times.append(labelMs[p]) }
                if let gold = itemGold[item] {
                    goldLabels += 1
                    if gold.category == own || (gold.side != nil && gold.side == verdict) { goldCorrect += 1 }
                }
            }
            // A rater whose every label was undone (or who only skipped) is still listed; each
            // of the rater's values then has that one reason.
            let none = labels == 0 ? Self.noEffectiveLabel : nil
            return RaterDiagnostics(
                rater: raterIDs[r], labels: labels,
                agreementWithOthers: Self.ratio(agreed, compared,
                    orUndefined: none ?? "no item with two or more other labels and a clear majority among them"),
                comparedItems: compared, decisiveLabels: decisive, leftChosen: left,
                leftRate: Self.ratio(left, decisive, orUndefined: none ?? "no decisive label with a recorded side"),
                positionBiasP: decisive > 0
                    ? BinomialTest.twoSidedPValue(successes: left, trials: decisive)
                    : .undefined(none ?? "no decisive label with a recorded side"),
                tieRate: Self.ratio(ties, labels, orUndefined: Self.noEffectiveLabel),
                bothBadRate: Self.ratio(bothBad, labels, orUndefined: Self.noEffectiveLabel),
                medianMilliseconds: none.map { .undefined($0) } ?? Self.median(&times), goldLabels: goldLabels,
                goldAccuracy: Self.ratio(goldCorrect, goldLabels, orUndefined: none ?? "no label on a gold item"))
        }
    }

    /// The strict plurality category among the labels of `item` other than one label of
    /// category `own`, or nil when fewer than two others exist or the top count is shared.
    func othersPlurality(item: Int, excluding own: Int32) -> Int32? {
        guard itemStart[item + 1] - itemStart[item] - 1 >= 2 else { return nil }
        var best: Int32 = -1, bestCount: Int32 = 0, shared = false
        for p in runStart[item]..<runStart[item + 1] {
            let c = runCategory[p]
            let count = runCount[p] - (c == own ? 1 : 0)
            if count > bestCount {
                best = c; bestCount = count; shared = false
            } else if count == bestCount {
                shared = true
            }
        }
        return shared ? nil : best
    }

    /// Why a rater's rates are undefined when none of the rater's labels stands.
    static let noEffectiveLabel = "no effective label (every label undone, or only skips)"

    static func ratio(_ part: Int, _ whole: Int, orUndefined reason: String) -> Estimate {
        whole > 0 ? .value(Double(part) / Double(whole)) : .undefined(reason)
    }

    static func median(_ xs: inout [Int]) -> Estimate {
        guard !xs.isEmpty else { return .undefined("no recorded response time") }
        xs.sort()
        let mid = xs.count / 2
        if xs.count % 2 == 1 { return .value(Double(xs[mid])) }
        return .value((Double(xs[mid - 1]) + Double(xs[mid])) / 2)
    }
}
