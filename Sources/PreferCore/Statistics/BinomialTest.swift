/// The exact binomial test, used for position bias (is `left_rate` different from 0.5?).
public enum BinomialTest {
    /// Two-sided exact p-value of `successes` in `trials` against success probability `p`,
    /// by the method of R `binom.test` and SciPy `binomtest`: the total probability of every
    /// outcome no more likely than the observed one, with a relative tolerance of 1e-7 so that
    /// outcomes equally likely in exact arithmetic are not lost to rounding.
    ///
    /// The probabilities are computed relative to the mode by the ratio recurrence
    /// P(i+1)/P(i) = (n−i)/(i+1) · p/(1−p) and normalised by their sum, which keeps full relative
    /// precision without log-gamma; outcomes below ~1e-308 of the mode underflow to 0, so
    /// p-values smaller than that are reported as 0.
    public static func twoSidedPValue(successes k: Int, trials n: Int, probability p: Double = 0.5) -> Estimate {
        guard n > 0 else { return .undefined("no trials") }
        guard k >= 0, k <= n else { return .undefined("successes outside 0…trials") }
        guard p > 0, p < 1 else {
            guard p == 0 || p == 1 else { return .undefined("probability outside 0…1") }
            // Degenerate: only one outcome is possible.
            let possible = p == 0 ? 0 : n
            return .value(k == possible ? 1 : 0)
        }
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        var terms = [Double](repeating: 0, count: n + 1)
        terms[mode] = 1
        let odds = p / (1 - p)
        var i = mode
        while i < n, terms[i] > 0 {
            terms[i + 1] = terms[i] * Double(n - i) / Double(i + 1) * odds
            i += 1
        }
        i = mode
        while i > 0, terms[i] > 0 {
            terms[i - 1] = terms[i] * Double(i) / Double(n - i + 1) / odds
            i -= 1
        }
        var total = 0.0
        for t in terms { total += t }
        let threshold = terms[k] * (1 + 1e-7)
        var tail = 0.0
        for t in terms where t <= threshold { tail += t }
        return .value(min(1, tail / total))
    }
}
