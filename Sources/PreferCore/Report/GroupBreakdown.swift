/// `report --by KEY`: the labels split by the value of one key of the task file (`category`,
/// `turn`, any extra key), each group with its own agreement, win rates and ratings (the
/// statistics of SPEC §8 on that group's labels, same declared categories, same seed), and a
/// test of whether agreement differs between the group that agrees least and the one that
/// agrees most.
public struct GroupBreakdown: Sendable, Equatable {
    public var key: String
    /// Groups by value (bytewise), tasks without the key last (`value` nil).
    public var groups: [Group]
    /// The weakest and strongest group by nominal α, when two groups have one.
    public var difference: AgreementDifference?

    public struct Group: Sendable, Equatable {
        public var value: String?
        public var summary: StatisticsSummary
    }

    /// α(strongest) − α(weakest) with a percentile-bootstrap interval (each group's items
    /// resampled on streams of its own) and the two-sided bootstrap p-value of no difference:
    /// 2·min(share of resampled differences ≤ 0, share ≥ 0), at most 1.
    public struct AgreementDifference: Sendable, Equatable {
        public var weakest: String?
        public var strongest: String?
        public var difference: Double
        public var ci95: IntervalEstimate
        public var p: Estimate
    }

    static func make(key: String, coded: CodedLabels, categories: CategorySet,
                     bootstrap: BootstrapSettings) throws(ReportFailure) -> GroupBreakdown {
        var values = Set<String?>()
        for v in coded.itemGroup { values.insert(v) }
        let ordered = values.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
        }
        var groups: [Group] = []
        var matrices: [RatingMatrix] = []
        for value in ordered {
            let keep = coded.item.map { coded.itemGroup[Int($0)] == value }
            let part = coded.subset(keeping: keep, ratersWithoutLabels: false).coded
            let matrix: RatingMatrix
            do {
                matrix = try RatingMatrix(coded: part, categories: categories)
            } catch {
                throw .statistics(error)
            }
            matrices.append(matrix)
            groups.append(Group(value: value, summary: StatisticsSummary(matrix, bootstrap: bootstrap)))
        }
        let rated = groups.indices.filter { groups[$0].summary.alphaNominal.value != nil }
        var difference: AgreementDifference?
        if rated.count >= 2 {
            let weak = rated.min { (groups[$0].summary.alphaNominal.value!, $0) < (groups[$1].summary.alphaNominal.value!, $1) }!
            let strong = rated.max { (groups[$0].summary.alphaNominal.value!, $1) < (groups[$1].summary.alphaNominal.value!, $0) }!
            let point = groups[strong].summary.alphaNominal.value! - groups[weak].summary.alphaNominal.value!
            var ci = IntervalEstimate.undefined("bootstrap is off (--bootstrap 0)")
            var p = Estimate.undefined("bootstrap is off (--bootstrap 0)")
            if bootstrap.resamples > 0 {
                var draws: [Double] = []
                var undefined = 0
                var weakWeights = [Int32](repeating: 0, count: matrices[weak].itemCount)
                var strongWeights = [Int32](repeating: 0, count: matrices[strong].itemCount)
                for b in 0..<bootstrap.resamples {
                    // Stream families above those of the main bootstrap and of the pair claims.
                    Bootstrap.draw(&weakWeights, seed: bootstrap.seed, index: (1 << 48) + b)
                    Bootstrap.draw(&strongWeights, seed: bootstrap.seed, index: (1 << 48) + (1 << 40) + b)
                    guard let w = AgreementSums(matrices[weak], weights: weakWeights).alphaNominal.value,
                          let s = AgreementSums(matrices[strong], weights: strongWeights).alphaNominal.value else {
                        undefined += 1
                        continue
                    }
                    draws.append(s - w)
                }
                if undefined > 0 {
                    let why = "α is undefined in \(undefined) of \(bootstrap.resamples) resamples of these groups"
                    ci = .undefined(why)
                    p = .undefined(why)
                } else {
                    ci = .interval(Quantile.percentileInterval(draws))
                    let below = Double(draws.filter { $0 <= 0 }.count) / Double(draws.count)
                    let above = Double(draws.filter { $0 >= 0 }.count) / Double(draws.count)
                    p = .value(min(1, 2 * min(below, above)))
                }
            }
            difference = AgreementDifference(weakest: groups[weak].value, strongest: groups[strong].value,
                                             difference: point, ci95: ci, p: p)
        }
        return GroupBreakdown(key: key, groups: groups, difference: difference)
    }
}
