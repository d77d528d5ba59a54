import Dispatch
import Foundation

/// Bradley–Terry ratings with one extra coefficient for the responses' length difference, as
/// Chatbot Arena's style control adds one per style feature (LMSYS, "Does style matter?",
/// 2024): P(first beats second) = σ(β_first − β_second + γ·z), where z is the normalized
/// length difference d = (L_first − L_second)/(L_first + L_second) standardized over the
/// counted labels (z = (d − mean)/sd), so γ is the log-odds per standard deviation of d.
///
/// Counted, as in the plain fit: decisive labels, and ties as half a win each way, on items
/// that compare two models and whose judged-text lengths are known. The maximum is found by
/// Newton's method on the concave log-likelihood with model 0 fixed at 0, then β is centred
/// (mean 0 over the rated models). Intervals: the percentile bootstrap over items, with the
/// same item resamples as every other interval (`Bootstrap.draw`, same seed and indexes).
public struct LengthControlledRatings: Sendable, Equatable {
    /// Per model of `RatingMatrix.modelNames`: the rating 1000 + (400/ln 10)·β and its interval.
    public var ratings: [ModelRating]
    /// γ, the log-odds of a win per standard deviation of the normalized length difference,
    /// and its interval.
    public var lengthCoefficient: Estimate
    public var lengthCoefficientCI: IntervalEstimate
    /// Labels counted (decisive plus ties) on items with lengths.
    public var labels: Int
    /// Items × resamples above which the bootstrap is not run (about 2 s on one core).
    public static let bootstrapBudget = 20_000_000

    /// One item's counted outcome: its models (first < second by name), wins of each, ties, d.
    struct Row: Sendable {
        var first: Int
        var second: Int
        var winsFirst: Double
        var winsSecond: Double
        var ties: Double
        var difference: Double
        var item: Int
    }

    /// The fit's point estimate: β per model (nil: not rated) and γ.
    struct Point: Sendable {
        var beta: [Double?]
        var gamma: Double
    }
}

extension RatingMatrix {
    /// The length-controlled ratings, or nil without a task file's lengths. `budget`: the most
    /// item-fits (items × resamples) the bootstrap may take; tests pass a small one.
    public func lengthControlledRatings(bootstrap: BootstrapSettings,
                                        budget: Int = LengthControlledRatings.bootstrapBudget) -> LengthControlledRatings? {
        guard let lengths = responseLengths else { return nil }
        let comparisons = ModelComparisons(self)
        var rows: [LengthControlledRatings.Row] = []
        for i in 0..<itemCount where comparisons.first[i] >= 0 {
            guard lengths.a[i] >= 0, lengths.b[i] >= 0 else { continue }
            let ties = Double(comparisons.ties[i])
            let wf = Double(comparisons.winsFirst[i]), ws = Double(comparisons.winsSecond[i])
            guard wf + ws + ties > 0 else { continue }
            // A's length against B's, turned to the first model's side.
            let la = Double(lengths.a[i]), lb = Double(lengths.b[i])
            let aIsFirst = itemModelA[i] == comparisons.first[i]
            let (lf, ls) = aIsFirst ? (la, lb) : (lb, la)
            let d = lf + ls > 0 ? (lf - ls) / (lf + ls) : 0
            rows.append(.init(first: Int(comparisons.first[i]), second: Int(comparisons.second[i]),
                              winsFirst: wf, winsSecond: ws, ties: ties, difference: d, item: i))
        }
        let models = modelNames.count
        let labels = Int(rows.reduce(0) { $0 + $1.winsFirst + $1.winsSecond + $1.ties })
        // Standardize d over the counted labels.
        var sum = 0.0, squares = 0.0, n = 0.0
        for r in rows {
            let w = r.winsFirst + r.winsSecond + r.ties
            sum += w * r.difference
            squares += w * r.difference * r.difference
            n += w
        }
        let mean = n > 0 ? sum / n : 0
        let sd = n > 0 ? (squares / n - mean * mean).squareRoot() : 0
        func undefined(_ why: String) -> LengthControlledRatings {
            LengthControlledRatings(
                ratings: modelNames.map { ModelRating(model: $0, rating: .undefined(why), ci95: .undefined(why)) },
                lengthCoefficient: .undefined(why), lengthCoefficientCI: .undefined(why), labels: labels)
        }
        guard !rows.isEmpty else { return undefined("no decisive or tie label on an item with two models and known lengths") }
        guard sd > 1e-12 else { return undefined("the responses' normalized length difference does not vary") }
        for k in rows.indices { rows[k].difference = (rows[k].difference - mean) / sd }
        guard case .strengths(let plain) = bradleyTerry() else {
            return undefined("the plain Bradley–Terry ratings do not exist, so neither do these")
        }
        guard let point = LengthControlledFit.fit(rows, models: models, weights: nil, start: nil, rated: plain.map { $0 != nil }) else {
            return undefined("Newton's method did not converge (the length difference may separate wins from losses)")
        }
        var ratings = modelNames.indices.map { k in
            ModelRating(model: modelNames[k],
                        rating: point.beta[k].map { .value(BradleyTerry.rating(strength: $0)) } ?? .undefined("no decisive or tie label with another model"),
                        ci95: .undefined("bootstrap is off (--bootstrap 0)"))
        }
        var gammaCI = IntervalEstimate.undefined("bootstrap is off (--bootstrap 0)")
        // Each resample refits Newton's method over every item: past this much work the
        // default run would take tens of seconds, so the intervals are left out with a reason
        // that says how to get them (fewer resamples).
        if bootstrap.resamples > 0 && bootstrap.resamples * rows.count > budget {
            let why = IntervalEstimate.undefined("not computed: \(rows.count) items × \(bootstrap.resamples) resamples is above "
                + "the length-controlled bootstrap's budget of \(budget) item-fits; use --bootstrap \(max(1, budget / rows.count)) or fewer")
            for k in ratings.indices where point.beta[k] != nil { ratings[k].ci95 = why }
            gammaCI = why
        } else if bootstrap.resamples > 0 {
            let count = bootstrap.resamples
            let automatic = count * rows.count < 200_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
            let workers = max(1, min(bootstrap.workers ?? automatic, count))
            let rated = point.beta.map { $0 != nil }
            let rows = rows
            let all = Bootstrap.eachResample(count: count, itemCount: itemCount, seed: bootstrap.seed,
                                             workers: workers) { itemWeights, _ in
                let rowWeights = rows.map { Double(itemWeights[$0.item]) }
                return LengthControlledFit.fit(rows, models: models, weights: rowWeights, start: point, rated: rated)
            }
            let failed = all.filter { $0 == nil }.count
            if failed > 0 {
                let why = IntervalEstimate.undefined("the fit does not exist in \(failed) of \(count) resamples")
                for k in ratings.indices where point.beta[k] != nil { ratings[k].ci95 = why }
                gammaCI = why
            } else {
                let fits = all.map { $0! }
                for k in ratings.indices where point.beta[k] != nil {
                    ratings[k].ci95 = .interval(Quantile.percentileInterval(fits.map { BradleyTerry.rating(strength: $0.beta[k]!) }))
                }
                gammaCI = .interval(Quantile.percentileInterval(fits.map(\.gamma)))
            }
        }
        return LengthControlledRatings(ratings: ratings, lengthCoefficient: .value(point.gamma),
                                       lengthCoefficientCI: gammaCI, labels: labels)
    }
}

/// Newton's method for `LengthControlledRatings` (parameters: β of the rated models but the
/// first, fixed at 0, then γ).
enum LengthControlledFit {
    static func fit(_ rows: [LengthControlledRatings.Row], models: Int, weights: [Double]?,
                    start: LengthControlledRatings.Point?, rated: [Bool]) -> LengthControlledRatings.Point? {
        let ratedModels = (0..<models).filter { rated[$0] }
        guard ratedModels.count >= 2 else { return nil }
        // Parameter slot of each model (-1: the reference model, or not rated).
        var slot = [Int](repeating: -1, count: models)
        for (k, m) in ratedModels.dropFirst().enumerated() { slot[m] = k }
        let size = ratedModels.count  // (rated − 1) betas + γ
        let g = size - 1
        var theta = [Double](repeating: 0, count: size)
        if let start {
            let base = start.beta[ratedModels[0]] ?? 0
            for m in ratedModels.dropFirst() { theta[slot[m]] = (start.beta[m] ?? 0) - base }
            theta[g] = start.gamma
        }
        func logLikelihood(_ t: [Double]) -> Double {
            var total = 0.0
            for (k, r) in rows.enumerated() {
                let w = weights?[k] ?? 1
                if w == 0 || !rated[r.first] || !rated[r.second] { continue }
                let eta = (slot[r.first] >= 0 ? t[slot[r.first]] : 0) - (slot[r.second] >= 0 ? t[slot[r.second]] : 0) + t[g] * r.difference
                total += w * ((r.winsFirst + r.ties / 2) * logSigmoid(eta) + (r.winsSecond + r.ties / 2) * logSigmoid(-eta))
            }
            return total
        }
        var current = logLikelihood(theta)
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: size)
            var hessian = [Double](repeating: 0, count: size * size)
            for (k, r) in rows.enumerated() {
                let w = weights?[k] ?? 1
                if w == 0 || !rated[r.first] || !rated[r.second] { continue }
                let f = slot[r.first], s = slot[r.second]
                let eta = (f >= 0 ? theta[f] : 0) - (s >= 0 ? theta[s] : 0) + theta[g] * r.difference
                let p = 1 / (1 + exp(-eta))
                let n = w * (r.winsFirst + r.winsSecond + r.ties)
                let residual = w * (r.winsFirst + r.ties / 2) - n * p
                let curvature = n * p * (1 - p)
                // x = e_f − e_s + d·e_γ, with the reference model's entries absent (no
                // allocation per row: this loop runs for every item of every resample).
                let d = r.difference
                gradient[g] += residual * d
                hessian[g * size + g] += curvature * d * d
                if f >= 0 {
                    gradient[f] += residual
                    hessian[f * size + f] += curvature
                    hessian[f * size + g] += curvature * d
                    hessian[g * size + f] += curvature * d
                }
                if s >= 0 {
                    gradient[s] -= residual
                    hessian[s * size + s] += curvature
                    hessian[s * size + g] -= curvature * d
                    hessian[g * size + s] -= curvature * d
                }
                if f >= 0 && s >= 0 {
                    hessian[f * size + s] -= curvature
                    hessian[s * size + f] -= curvature
                }
            }
            guard let step = solve(hessian, gradient, size) else { return nil }
            var t = 1.0, trial = theta, value = current
            while true {
                for a in 0..<size { trial[a] = theta[a] + t * step[a] }
                value = logLikelihood(trial)
                if value >= current - 1e-12 * max(1, abs(current)) || t < 1e-10 { break }
                t /= 2
            }
            let largest = step.reduce(0) { max($0, abs($1)) } * t
            theta = trial
            current = value
            if t == 1 && largest <= 1e-10 {
                var beta = [Double?](repeating: nil, count: models)
                beta[ratedModels[0]] = 0
                for m in ratedModels.dropFirst() { beta[m] = theta[slot[m]] }
                let mean = ratedModels.reduce(0) { $0 + beta[$1]! } / Double(ratedModels.count)
                for m in ratedModels { beta[m] = beta[m]! - mean }
                return LengthControlledRatings.Point(beta: beta, gamma: theta[g])
            }
            if largest > 1e6 { return nil }
        }
        return nil
    }

    private static func logSigmoid(_ x: Double) -> Double { x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x)) }

    /// Solves H·Δ = g for the positive-definite curvature H (Cholesky); nil when singular.
    static func solve(_ h: [Double], _ g: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = h[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-14 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = g[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
