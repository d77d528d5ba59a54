/// A statistic that is either a finite number or undefined for a stated reason; never NaN.
///
/// SPEC §8: "A value that is undefined (for example 0/0) is `null` in JSON with a reason,
/// never NaN." Every public statistic in this folder returns this type (or `IntervalEstimate`)
/// so that a caller cannot print a NaN by accident.
public enum Estimate: Sendable, Equatable, CustomStringConvertible {
    /// A finite value.
    case value(Double)
    /// No value exists; the string says why, as a sentence fragment a lead can read.
    case undefined(String)

    /// Wraps `x` when it is finite, otherwise returns `.undefined(reason)`.
    public static func finite(_ x: Double, orUndefined reason: String) -> Estimate {
        x.isFinite ? .value(x) : .undefined(reason)
    }

    /// The value, or nil when undefined.
    public var value: Double? {
        if case .value(let x) = self { return x }
        return nil
    }

    /// Why the value is undefined, or nil when it is defined.
    public var reason: String? {
        if case .undefined(let why) = self { return why }
        return nil
    }

    public var description: String {
        switch self {
        case .value(let x): return "\(x)"
        case .undefined(let why): return "undefined (\(why))"
        }
    }
}

/// A closed interval `[lower, upper]`, such as a 95% confidence interval.
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public var description: String { "[\(lower), \(upper)]" }
}

/// A confidence interval that is either available or undefined for a stated reason.
public enum IntervalEstimate: Sendable, Equatable, CustomStringConvertible {
    /// The interval.
    case interval(ConfidenceInterval)
    /// No interval exists (bootstrap off, statistic undefined in some resamples, …).
    case undefined(String)

    /// The interval, or nil when undefined.
    public var interval: ConfidenceInterval? {
        if case .interval(let ci) = self { return ci }
        return nil
    }

    /// Why the interval is undefined, or nil when it is defined.
    public var reason: String? {
        if case .undefined(let why) = self { return why }
        return nil
    }

    public var description: String {
        switch self {
        case .interval(let ci): return ci.description
        case .undefined(let why): return "undefined (\(why))"
        }
    }
}
