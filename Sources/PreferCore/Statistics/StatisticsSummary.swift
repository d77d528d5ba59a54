import Dispatch

/// Slots for the point-estimate jobs of `StatisticsSummary`; each job writes one slot, and
/// the slots are read after every job has finished.
private final class PointEstimateJobs: @unchecked Sendable {
    var agreement: (Estimate, Estimate, Estimate, Estimate, Estimate, Estimate)?
    var pairs: [RaterPairAgreement] = []
    var raters: [RaterDiagnostics] = []
    var winRates: [ModelPairWinRate] = []
    var fit: BradleyTerry.Fit?
}

/// A model's Bradley–Terry rating with its bootstrap interval.
public struct ModelRating: Sendable, Equatable {
    public var model: String
    /// 1000 + (400/ln 10)·β with mean β = 0 over the rated models.
    public var rating: Estimate
    public var ci95: IntervalEstimate
}

/// Every number `prefer report` shows (SPEC §8), computed from one rating matrix.
public struct StatisticsSummary: Sendable, Equatable {
    public var items: Int
    public var raters: Int
    public var labels: Int
    public var categories: CategorySet
    /// Labels of each set-aside choice (parallel to `categories.setAside`): counted in
    /// `labels`, rates and win tables, left out of every agreement statistic.
    public var setAsideCounts: [Int]
    public var percentAgreement: Estimate
    public var fleissKappa: Estimate
    public var gwetAC1: Estimate
    public var alphaNominal: Estimate
    public var alphaOrdinal: Estimate
    public var alphaInterval: Estimate
    /// Bootstrap intervals of the agreement statistics (ratings' intervals are in `ratings`).
    public var intervals: BootstrapIntervals
    public var pairs: [RaterPairAgreement]
    public var raterDetails: [RaterDiagnostics]
    public var winRates: [ModelPairWinRate]
    /// One entry per model seen on a labeled item, in name order.
    public var ratings: [ModelRating]
    public var bootstrap: BootstrapSettings

    /// Computes point estimates, then the bootstrap intervals.
    public init(_ m: RatingMatrix, bootstrap: BootstrapSettings = BootstrapSettings()) {
        items = m.itemCount
        raters = m.raterCount
        labels = m.labelCount
        categories = m.categories
        setAsideCounts = m.setAsideCounts
        self.bootstrap = bootstrap
        // The point estimates are independent passes over the matrix; on large data they run
        // side by side (results do not depend on it: each job writes only its own slot).
        let parts = PointEstimateJobs()
        let jobs: [@Sendable () -> Void] = [
            {
                let sums = AgreementSums(m)
                let unequal = m.fleissUnequalLabelsReason()
                parts.agreement = (sums.percentAgreement, sums.gwetAC1, sums.alphaNominal,
                                   unequal.map { .undefined($0) } ?? sums.fleissKappa,
                                   m.krippendorffAlpha(.ordinal), m.krippendorffAlpha(.interval))
            },
            { parts.pairs = m.raterPairAgreements() },
            { parts.raters = m.raterDiagnostics() },
            { parts.winRates = m.winRates(); parts.fit = m.bradleyTerry() },
        ]
        if m.labelCount >= 50_000 {
            DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[$0]() }
        } else {
            for job in jobs { job() }
        }
        (percentAgreement, gwetAC1, alphaNominal, fleissKappa, alphaOrdinal, alphaInterval) = parts.agreement!
        pairs = parts.pairs
        raterDetails = parts.raters
        winRates = parts.winRates
        let fit = parts.fit!

        var strengths: [Double?]?
        let ratingEstimates: [Estimate]
        switch fit {
        case .strengths(let beta):
            strengths = beta
            ratingEstimates = beta.map { b in
                b.map { .value(BradleyTerry.rating(strength: $0)) } ?? .undefined("no decisive or tie label with another model")
            }
        case .undefined(let reason):
            ratingEstimates = Array(repeating: .undefined(reason), count: m.modelNames.count)
        }
        var intervals = Bootstrap.intervals(m, settings: bootstrap, fleissDefined: fleissKappa.value != nil,
                                            pointStrengths: strengths)
        if strengths == nil {
            intervals.ratings = ratingEstimates.map { .undefined($0.reason ?? "no rating") }
        }
        let ratingIntervals = intervals.ratings
        self.intervals = intervals
        ratings = m.modelNames.indices.map { k in
            ModelRating(model: m.modelNames[k], rating: ratingEstimates[k], ci95: ratingIntervals[k])
        }
    }
}

extension RatingMatrix {
    /// Bradley–Terry fit over all labels: a win is a decisive label, a tie is half a win for each
    /// side, `both_bad` is left out.
    public func bradleyTerry() -> BradleyTerry.Fit {
        let wins = ModelComparisons(self).bradleyTerryWins(modelCount: modelNames.count)
        return BradleyTerry.fit(wins: wins, modelCount: modelNames.count, names: modelNames)
    }

    /// Bootstrap intervals alone, for callers that want them without the rest of the summary.
    public func bootstrapIntervals(_ settings: BootstrapSettings) -> BootstrapIntervals {
        let strengths: [Double?]? = if case .strengths(let beta) = bradleyTerry() { beta } else { nil }
        return Bootstrap.intervals(self, settings: settings, fleissDefined: fleissKappa().value != nil,
                                   pointStrengths: strengths)
    }
}
