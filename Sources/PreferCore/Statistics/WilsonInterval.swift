/// The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3).
public enum WilsonInterval {
    /// z for a two-sided 95% interval: the 0.975 quantile of the standard normal.
    public static let z95 = 1.959963984540054

    /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), clamped to [0, 1];
    /// undefined when `trials` is 0.
    public static func interval(successes k: Int, trials n: Int, z: Double = z95) -> IntervalEstimate {
        guard n > 0 else { return .undefined("no trials") }
        guard k >= 0, k <= n else { return .undefined("successes outside 0…trials") }
        let nn = Double(n), p = Double(k) / nn, z2 = z * z
        let centre = p + z2 / (2 * nn)
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        let scale = 1 + z2 / nn
        // At k = 0 or k = n one bound is exactly 0 or 1; rounding must not push it past.
        let lower = k == 0 ? 0 : max(0, (centre - half) / scale)
        let upper = k == n ? 1 : min(1, (centre + half) / scale)
        return .interval(ConfidenceInterval(lower: lower, upper: upper))
    }
}
