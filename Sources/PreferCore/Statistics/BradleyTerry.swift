import Foundation

/// Bradley–Terry strengths by maximum likelihood: P(i beats j) = 1 / (1 + e^{β_j − β_i}).
///
/// The log-likelihood Σ_{i≠j} w_ij log σ(β_i − β_j) is concave, so Newton's method with step
/// halving finds its maximum; the step solves (−H + 11ᵀ)Δ = ∇ℓ, where the rank-one term fixes
/// the free additive constant (∇ℓ sums to 0 and H·1 = 0, so Δ also sums to 0). Iteration stops
/// when the largest step is below 1e-12.
///
/// The maximum exists only when the "beat" graph (an edge i → j when w_ij > 0) is strongly
/// connected (Zermelo 1929; Ford 1957): a set of models that never wins or ties against the
/// rest would be pushed to −∞. The fit then refuses with a reason instead of returning
/// arbitrary large numbers; so does a comparison graph that falls apart, whose pieces have no
/// common scale.
public enum BradleyTerry {
    /// Rating points per unit of β: 400/ln 10, the Elo convention (a 400-point gap is 10:1 odds).
    public static let ratingScale = 400 / log(10.0)

    /// The outcome of a fit.
    public enum Fit: Sendable, Equatable {
        /// β per model with mean 0 over the rated models; nil for a model with no comparison.
        case strengths([Double?])
        /// No maximum-likelihood estimate exists (or it could not be found); the reason says why.
        case undefined(String)
    }

    /// Fits β from a square win matrix: `wins[i * modelCount + j]` is how often model i beat
    /// model j (ties already entered as half a win each way). `names` only serve reasons.
    public static func fit(wins: [Double], modelCount: Int, names: [String], start: [Double?]? = nil) -> Fit {
        let m = modelCount
        precondition(wins.count == m * m && names.count == m, "square win matrix, one name per model")
        let rated = (0..<m).filter { i in (0..<m).contains { j in wins[i * m + j] + wins[j * m + i] > 0 } }
        guard !rated.isEmpty else { return .undefined("no decisive or tie label between two models") }
        let k = rated.count
        var w = [Double](repeating: 0, count: k * k)
        for (a, i) in rated.enumerated() {
            for (b, j) in rated.enumerated() where a != b { w[a * k + b] = wins[i * m + j] }
        }
        let ratedNames = rated.map { names[$0] }
        if let reason = existenceFailure(w, k, ratedNames) { return .undefined(reason) }

        var beta = rated.map { start?[$0] ?? 0 }
        var converged = false
        var current = logLikelihood(w, k, beta)
        for _ in 0..<200 {
            let step = newtonStep(w, k, beta)
            var t = 1.0, trial = beta, value = current
            while true {
                for a in 0..<k { trial[a] = beta[a] + t * step[a] }
                value = logLikelihood(w, k, trial)
                // Near the optimum, rounding makes ℓ wobble by a few ulps; accept that much.
                if value >= current - 1e-12 * max(1, abs(current)) || t < 1e-10 { break }
                t /= 2
            }
            let largest = step.reduce(0) { max($0, abs($1)) } * t
            beta = trial
            current = value
            // Only a full Newton step counts: a step cut short by halving says nothing about
            // being at the optimum.
            if t == 1 && largest <= 1e-12 { converged = true; break }
        }
        guard converged else { return .undefined("Newton's method did not converge") }
        let mean = beta.reduce(0, +) / Double(k)
        var out = [Double?](repeating: nil, count: m)
        for (a, i) in rated.enumerated() { out[i] = beta[a] - mean }
        return .strengths(out)
    }

    /// The rating 1000 + (400/ln 10)·β.
    public static func rating(strength beta: Double) -> Double { 1000 + ratingScale * beta }

    /// Why no maximum-likelihood estimate exists, or nil when the beat graph is strongly connected.
    static func existenceFailure(_ w: [Double], _ k: Int, _ names: [String]) -> String? {
        let compared = reach(k) { a, b in w[a * k + b] + w[b * k + a] > 0 }
        if compared.count < k {
            let other = (0..<k).filter { !compared.contains($0) }
            return "the models do not form one connected comparison graph: \(list(compared, names)) are never compared with \(list(other, names)), directly or through other models"
        }
        let beaten = reach(k) { a, b in w[a * k + b] > 0 }
        if beaten.count < k {
            let rest = (0..<k).filter { !beaten.contains($0) }
            return "\(list(beaten, names)) \(neverWin(beaten.count)) against \(list(rest, names)), so the maximum-likelihood ratings diverge"
        }
        let beating = reach(k) { a, b in w[b * k + a] > 0 }
        if beating.count < k {
            let rest = (0..<k).filter { !beating.contains($0) }
            return "\(list(rest, names)) \(neverWin(rest.count)) against \(list(beating, names)), so the maximum-likelihood ratings diverge"
        }
        return nil
    }

    /// Models reachable from model 0 along `edge`, in index order.
    private static func reach(_ k: Int, _ edge: (Int, Int) -> Bool) -> [Int] {
        var seen = [Bool](repeating: false, count: k)
        var stack = [0]
        seen[0] = true
        while let a = stack.popLast() {
            for b in 0..<k where !seen[b] && edge(a, b) {
                seen[b] = true
                stack.append(b)
            }
        }
        return (0..<k).filter { seen[$0] }
    }

    private static func neverWin(_ count: Int) -> String {
        count == 1 ? "never wins or ties" : "never win or tie"
    }

    private static func list(_ indexes: [Int], _ names: [String]) -> String {
        let shown = indexes.prefix(3).map { "\"\(names[$0])\"" }.joined(separator: ", ")
        return indexes.count > 3 ? "\(shown) and \(indexes.count - 3) more" : shown
    }

    /// log σ(x), without overflow for large |x|.
    private static func logSigmoid(_ x: Double) -> Double {
        x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    static func logLikelihood(_ w: [Double], _ k: Int, _ beta: [Double]) -> Double {
        var total = 0.0
        for a in 0..<k {
            for b in 0..<k where a != b && w[a * k + b] > 0 {
                total += w[a * k + b] * logSigmoid(beta[a] - beta[b])
            }
        }
        return total
    }

    /// Solves (−H + 11ᵀ)Δ = ∇ℓ by Cholesky; the matrix is positive definite for a connected graph.
    static func newtonStep(_ w: [Double], _ k: Int, _ beta: [Double]) -> [Double] {
        var gradient = [Double](repeating: 0, count: k)
        var a = [Double](repeating: 1, count: k * k)
        for i in 0..<k {
            for j in (i + 1)..<max(k, i + 1) {
                let n = w[i * k + j] + w[j * k + i]
                guard n > 0 else { continue }
                let p = 1 / (1 + exp(beta[j] - beta[i]))
                let expected = n * p
                gradient[i] += w[i * k + j] - expected
                gradient[j] -= w[i * k + j] - expected
                let information = n * p * (1 - p)
                a[i * k + i] += information
                a[j * k + j] += information
                a[i * k + j] -= information
                a[j * k + i] -= information
            }
        }
        // Cholesky factorisation a = L Lᵀ in place (lower triangle).
        for j in 0..<k {
            var d = a[j * k + j]
            for s in 0..<j { d -= a[j * k + s] * a[j * k + s] }
            let root = max(d, .leastNormalMagnitude).squareRoot()
            a[j * k + j] = root
            for i in (j + 1)..<max(k, j + 1) {
                var v = a[i * k + j]
                for s in 0..<j { v -= a[i * k + s] * a[j * k + s] }
                a[i * k + j] = v / root
            }
        }
        var y = gradient
        for i in 0..<k {
            for s in 0..<i { y[i] -= a[i * k + s] * y[s] }
            y[i] /= a[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            for s in (i + 1)..<max(k, i + 1) { y[i] -= a[s * k + i] * y[s] }
            y[i] /= a[i * k + i]
        }
        return y
    }
}
