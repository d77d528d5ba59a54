import Dispatch
import Foundation

/// How many bootstrap resamples to draw, from which seed, on how many threads.
public struct BootstrapSettings: Sendable, Equatable {
    /// `--bootstrap N`; 0 turns intervals off.
    public var resamples: Int
    /// `--seed S`.
    public var seed: UInt64
    /// Threads to use; nil picks the active processor count. Results never depend on it.
    public var workers: Int?

    public init(resamples: Int = 1000, seed: UInt64 = 0, workers: Int? = nil) {
        self.resamples = resamples
        self.seed = seed
        self.workers = workers
    }
}

/// Percentile-bootstrap 95% intervals over items, all computed from the same resamples.
public struct BootstrapIntervals: Sendable, Equatable {
    public var percentAgreement: IntervalEstimate
    public var alphaNominal: IntervalEstimate
    public var gwetAC1: IntervalEstimate
    public var fleissKappa: IntervalEstimate
    /// Bradley–Terry rating intervals, one per `RatingMatrix.modelNames` entry.
    public var ratings: [IntervalEstimate]
}

/// The percentile bootstrap over items.
///
/// Resample b draws `itemCount` items with replacement, uniformly, from its own xoshiro256**
/// stream (`Xoshiro256StarStar.stream(seed:index:)`); an item drawn k times enters every sum
/// with weight k, all its labels with it. Each statistic is recomputed on the resample and
/// the interval is the type-7 2.5% and 97.5% quantiles of the B values. If a statistic is
/// undefined in any resample the interval is undefined (saying in how many), rather than
/// quietly conditioning on the resamples where it exists.
enum Bootstrap {
    /// One resample's statistics; nil where the statistic is undefined.
    struct Outcome: Sendable {
        var percentAgreement: Double?
        var alphaNominal: Double?
        var gwetAC1: Double?
        var fleissKappa: Double?
        /// Ratings of the models rated in the point estimate, or nil when the fit failed.
        var ratings: [Double]?
    }

    static func intervals(_ m: RatingMatrix, settings: BootstrapSettings, fleissDefined: Bool,
                          pointStrengths: [Double?]?) -> BootstrapIntervals {
        let count = settings.resamples
        let models = m.modelNames.count
        guard count > 0 else {
            let off = IntervalEstimate.undefined("bootstrap is off (--bootstrap 0)")
            return BootstrapIntervals(percentAgreement: off, alphaNominal: off, gwetAC1: off,
                                      fleissKappa: off, ratings: Array(repeating: off, count: models))
        }
        let outcomes = resample(m, settings: settings, fleissDefined: fleissDefined, pointStrengths: pointStrengths)
        let fleissOff = IntervalEstimate.undefined("Fleiss' kappa is undefined on the data")
        var ratings = [IntervalEstimate](repeating: .undefined("the model has no rating"), count: models)
        if let point = pointStrengths {
            let rated = (0..<models).filter { point[$0] != nil }
            let failed = outcomes.filter { $0.ratings == nil }.count
            for (slot, model) in rated.enumerated() {
                ratings[model] = failed > 0
                    ? .undefined("the maximum-likelihood ratings do not exist in \(failed) of \(count) resamples")
                    : .interval(Quantile.percentileInterval(outcomes.map { $0.ratings![slot] }))
            }
        }
        return BootstrapIntervals(
            percentAgreement: interval(outcomes.map(\.percentAgreement)),
            alphaNominal: interval(outcomes.map(\.alphaNominal)),
            gwetAC1: interval(outcomes.map(\.gwetAC1)),
            fleissKappa: fleissDefined ? interval(outcomes.map(\.fleissKappa)) : fleissOff,
            ratings: ratings)
    }

    private static func interval(_ values: [Double?]) -> IntervalEstimate {
        let defined = values.compactMap { $0 }
        guard defined.count == values.count else {
            return .undefined("the statistic is undefined in \(values.count - defined.count) of \(values.count) resamples")
        }
        return .interval(Quantile.percentileInterval(defined))
    }

    /// Draws every resample, spread over worker threads by index (worker w takes b ≡ w mod W).
    static func resample(_ m: RatingMatrix, settings: BootstrapSettings, fleissDefined: Bool,
                         pointStrengths: [Double?]?) -> [Outcome] {
        let count = settings.resamples
        let comparisons = ModelComparisons(m)
        let rated = pointStrengths.map { p in p.indices.filter { p[$0] != nil } }
        // Threads only pay off with real work; tiny data sets stay on the calling thread
        // unless the caller asked for a number of workers.
        let work = count * max(m.labelCount, m.itemCount)
        let automatic = work < 200_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(settings.workers ?? automatic, count))
        return eachResample(count: count, itemCount: m.itemCount, seed: settings.seed, workers: workers) { weights, _ in
            let sums = AgreementSums(m, weights: weights)
            var outcome = Outcome(percentAgreement: sums.percentAgreement.value,
                                  alphaNominal: sums.alphaNominal.value,
                                  gwetAC1: sums.gwetAC1.value,
                                  fleissKappa: fleissDefined ? sums.fleissKappa.value : nil)
            if let pointStrengths, let rated {
                outcome.ratings = ratings(m, comparisons, weights, start: pointStrengths, rated: rated)
            }
            return outcome
        }
    }

    /// Runs `body` once per resample `b` in `0..<count`, with that resample's item weights
    /// (`draw`), on `workers` threads (worker w takes b ≡ w mod W), and returns the results in
    /// resample order — so every interval, whatever its statistic, sees the same resamples
    /// for the same seed, and the output does not depend on the number of threads.
    static func eachResample<T: Sendable>(count: Int, itemCount: Int, seed: UInt64, workers: Int,
                                          _ body: @Sendable (_ weights: [Int32], _ index: Int) -> T) -> [T] {
        let results = JobResults<[(Int, T)]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var weights = [Int32](repeating: 0, count: itemCount)
            var mine: [(Int, T)] = []
            for b in stride(from: worker, to: count, by: workers) {
                draw(&weights, seed: seed, index: b)
                mine.append((b, body(weights, b)))
            }
            results[worker] = mine
        }
        var all = [T?](repeating: nil, count: count)
        for w in 0..<workers { for (b, value) in results[w] ?? [] { all[b] = value } }
        return all.map { $0! }
    }

    /// Fills `weights` with how often each item is drawn in resample `index`.
    static func draw(_ weights: inout [Int32], seed: UInt64, index: Int) {
        let n = weights.count
        for i in 0..<n { weights[i] = 0 }
        guard n > 0 else { return }
        var rng = Xoshiro256StarStar.stream(seed: seed, index: index)
        for _ in 0..<n { weights[Int(rng.below(UInt64(n)))] += 1 }
    }

    private static func ratings(_ m: RatingMatrix, _ comparisons: ModelComparisons, _ weights: [Int32],
                                start: [Double?], rated: [Int]) -> [Double]? {
        let models = m.modelNames.count
        let wins = comparisons.bradleyTerryWins(modelCount: models, weights: weights)
        guard case .strengths(let beta) = BradleyTerry.fit(wins: wins, modelCount: models,
                                                           names: m.modelNames, start: start)
        else { return nil }
        var out: [Double] = []
        out.reserveCapacity(rated.count)
        for model in rated {
            guard let b = beta[model] else { return nil }
            out.append(BradleyTerry.rating(strength: b))
        }
        return out
    }
}
