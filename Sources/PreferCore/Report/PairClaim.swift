import Foundation

/// "Model X beats model Y in N% of comparisons", said with what qualifies it: for one model
/// pair, the decisive win rate of the model that wins more often with its Wilson interval, how
/// many labels and raters it rests on, how well those raters agree on those items (nominal
/// Krippendorff's α, bootstrap interval over the pair's items), and warnings when agreement is
/// low, when a flagged rater gave a large share of the labels, or when the labels lean to a
/// screen side or to the longer response more than chance allows (docs/REPORT.md).
public struct PairClaim: Sendable, Equatable {
    /// The pair in name order, as in `ModelPairWinRate`.
    public var modelA: String
    public var modelB: String
    /// The model with more decisive wins (nil on an exact split or with no decisive label).
    public var leader: String?
    /// The leader's share of decisive labels (0.5 on a split) and its Wilson 95% interval.
    public var winRate: Estimate
    public var ci95: IntervalEstimate
    /// Labels on the pair's items (all verdicts), the decisive ones, items, raters.
    public var labels: Int
    public var decisive: Int
    public var items: Int
    public var raters: Int
    /// Nominal α of those raters on those items, with its percentile-bootstrap interval.
    public var alpha: Estimate
    public var alphaCI: IntervalEstimate
    /// Decisive labels with a recorded side that chose the left response, of how many, and
    /// the two-sided exact binomial p-value against 0.5.
    public var leftChosen: Int
    public var sided: Int
    public var positionP: Estimate
    /// Decisive labels on items whose responses differ by more than `LengthBias.equalBand`
    /// characters that chose the longer one, of how many, and the binomial p-value (nil
    /// lengths: no task file).
    public var longerChosen: Int
    public var lengthCompared: Int
    public var lengthP: Estimate
    /// Flagged raters whose share of the pair's labels is above `flaggedShareLimit`.
    public var flaggedShares: [FlaggedShare]
    public var warnings: [Warning]
    /// The whole claim as one sentence (with its warnings), the same in every format.
    public var sentence: String

    /// A flagged rater and the share of the pair's labels they gave.
    public struct FlaggedShare: Sendable, Equatable {
        public var rater: String
        public var share: Double
        public var flags: [RaterFlag]
    }

    /// Why a claim needs care.
    public enum Warning: String, Sendable, Equatable {
        case lowAgreement = "low_agreement"
        case flaggedRaterShare = "flagged_rater_share"
        case positionBias = "position_bias"
        case lengthBias = "length_bias"
        case withinNoise = "within_noise"
    }

    /// α below this is "low" (Krippendorff's own floor for tentative conclusions).
    public static let lowAgreement = 0.667
    /// A flagged rater giving more than this share of a pair's labels is named.
    public static let flaggedShareLimit = 0.25
    /// Level of the position and length tests of one pair.
    public static let biasLevel = 0.05
}

extension RatingMatrix {
    /// One claim per model pair of `summary.winRates`, in its order.
    /// `flags` parallel to `summary.raterDetails` (rater-name order).
    func pairClaims(_ summary: StatisticsSummary, flags: [[RaterFlag]], bootstrap: BootstrapSettings) -> [PairClaim] {
        let lengths = responseLengths
        let comparisons = ModelComparisons(self)
        let verdicts = categories.verdicts
        var itemsOfPair: [Int: [Int]] = [:]
        let models = modelNames.count
        for i in 0..<itemCount where comparisons.first[i] >= 0 {
            itemsOfPair[Int(comparisons.first[i]) * models + Int(comparisons.second[i]), default: []].append(i)
        }
        let modelIndex = Dictionary(uniqueKeysWithValues: modelNames.enumerated().map { ($1, $0) })
        return summary.winRates.enumerated().map { (pairIndex, w) in
            let f = modelIndex[w.modelA]!, s = modelIndex[w.modelB]!
            let items = itemsOfPair[f * models + s] ?? []
            var labelsPerRater = [Int](repeating: 0, count: raterCount)
            var labels = 0, left = 0, sided = 0, longer = 0, compared = 0
            for i in items {
                for p in itemStart[i]..<itemStart[i + 1] {
                    labels += 1
                    labelsPerRater[Int(labelRater[p])] += 1
                    let verdict = verdicts[Int(labelCategory[p])]
                    guard verdict == .a || verdict == .b else { continue }
                    if labelLeft[p] >= 0 {
                        sided += 1
                        if (verdict == .a) == (labelLeft[p] == 0) { left += 1 }
                    }
                    if let lengths, let longerSide = lengths.longer(item: i) {
                        compared += 1
                        if longerSide == verdict { longer += 1 }
                    }
                }
            }
            let decisive = w.winsA + w.winsB
            var leader: String?
            var rate = w.winRate, ci = w.ci95
            if w.winsB > w.winsA {
                leader = w.modelB
                rate = rate.value.map { .value(1 - $0) } ?? rate
                if let c = ci.interval { ci = .interval(ConfidenceInterval(lower: 1 - c.upper, upper: 1 - c.lower)) }
            } else if w.winsA > w.winsB {
                leader = w.modelA
            }
            let alpha = AgreementSums(self, items: items).alphaNominal
            let alphaCI = pairAlphaInterval(items: items, bootstrap: bootstrap, pairIndex: pairIndex)
            let raters = labelsPerRater.filter { $0 > 0 }.count
            var shares: [PairClaim.FlaggedShare] = []
            for r in 0..<raterCount where labelsPerRater[r] > 0 && r < flags.count && !flags[r].isEmpty {
                let share = Double(labelsPerRater[r]) / Double(labels)
                if share > PairClaim.flaggedShareLimit { shares.append(.init(rater: raterIDs[r], share: share, flags: flags[r])) }
            }
            let positionP: Estimate = sided > 0 ? BinomialTest.twoSidedPValue(successes: left, trials: sided)
                : .undefined("no decisive label with a recorded side")
            let lengthP: Estimate = lengths == nil ? .undefined("no task file (--tasks), so no response lengths")
                : compared > 0 ? BinomialTest.twoSidedPValue(successes: longer, trials: compared)
                : .undefined("no decisive label on an item whose responses differ by more than \(LengthBias.equalBand) characters")
            var claim = PairClaim(modelA: w.modelA, modelB: w.modelB, leader: leader, winRate: rate, ci95: ci, labels: labels,
                                  decisive: decisive, items: items.count, raters: raters, alpha: alpha, alphaCI: alphaCI,
                                  leftChosen: left, sided: sided, positionP: positionP, longerChosen: longer,
                                  lengthCompared: compared, lengthP: lengthP, flaggedShares: shares, warnings: [], sentence: "")
            claim.warnings = PairClaimWords.warnings(claim)
            claim.sentence = PairClaimWords.sentence(claim)
            return claim
        }
    }

    /// Percentile-bootstrap interval of α over the pair's items (resampled within them), from
    /// streams of their own so that the other intervals do not change with the pair count.
    private func pairAlphaInterval(items: [Int], bootstrap: BootstrapSettings, pairIndex: Int) -> IntervalEstimate {
        guard bootstrap.resamples > 0 else { return .undefined("bootstrap is off (--bootstrap 0)") }
        guard !items.isEmpty else { return .undefined("no item") }
        var values: [Double] = []
        values.reserveCapacity(bootstrap.resamples)
        var weights = [Int32](repeating: 0, count: items.count)
        // A stream family per pair: index space above any resample index of the main bootstrap.
        let base = (pairIndex + 1) << 32
        for b in 0..<bootstrap.resamples {
            Bootstrap.draw(&weights, seed: bootstrap.seed, index: base + b)
            guard let a = AgreementSums(self, items: items, weights: weights).alphaNominal.value else {
                return .undefined("α is undefined in some resamples of these items")
            }
            values.append(a)
        }
        return .interval(Quantile.percentileInterval(values))
    }
}
