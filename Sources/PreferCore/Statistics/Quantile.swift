/// Sample quantiles for percentile bootstrap intervals.
public enum Quantile {
    /// Hyndman & Fan (1996) type 7, the default of R `quantile` and NumPy `percentile`:
    /// with sorted x₀…x_{n−1} and h = (n−1)·p, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
    public static func type7(sorted x: [Double], probability p: Double) -> Double {
        precondition(!x.isEmpty && p >= 0 && p <= 1, "non-empty sample, probability in 0…1")
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        guard lo + 1 < x.count else { return x[x.count - 1] }
        return x[lo] + (h - Double(lo)) * (x[lo + 1] - x[lo])
    }

    /// The central percentile interval [q((1−level)/2), q((1+level)/2)] of an unsorted sample.
    public static func percentileInterval(_ sample: [Double], level: Double = 0.95) -> ConfidenceInterval {
        let sorted = sample.sorted()
        return ConfidenceInterval(lower: type7(sorted: sorted, probability: (1 - level) / 2),
                                  upper: type7(sorted: sorted, probability: (1 + level) / 2))
    }
}
