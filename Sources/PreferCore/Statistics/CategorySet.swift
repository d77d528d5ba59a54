/// The declared categories of a report, in order, with their order and values (SPEC §8).
///
/// Rules, in priority order:
/// 1. `--categories c1,c2,…` when given (every observed choice must be in it);
/// 2. else a known scale's values when every choice belongs to that scale — `pairwise` counts
///    four categories even where one is never used;
/// 3. else the distinct choices seen: numeric order when all are numbers, otherwise sorted.
///
/// Categories are ordered for `likert5`, when all of them are numbers, or with `--ordinal`
/// (then in the declared order). An ordered category's value is its number when the
/// categories are numeric, the SPEC §5 value (2, 1, 0, −1, −2) for `likert5`, else its
/// 1-based position in the order.
///
/// A scale's set-aside choices (likert5's `both_bad`, `Scale.setAsideChoices`) are not
/// categories: they have no place on the scale's line, so agreement statistics leave their
/// labels out, while win tables and rates count them (docs/REPORT.md).
public struct CategorySet: Sendable, Equatable {
    /// Category names in declared order; a label's category index points into this array
    /// (or past its end, into `setAside`: see `allNames`).
    public let names: [String]
    /// Whether ordinal and interval statistics apply.
    public let isOrdered: Bool
    /// One value per category (see the type's documentation); positions when unordered.
    public let values: [Double]
    /// The scale the categories were taken from, when they were.
    public let scale: Scale?
    /// Choices labels may carry besides the categories (the scale's set-aside choices); a
    /// rating matrix codes them after the categories, `count + k` (see `allNames`).
    public let setAside: [String]

    /// Creates a category set directly; `values` defaults to the 1-based positions.
    public init(names: [String], isOrdered: Bool, values: [Double]? = nil, scale: Scale? = nil,
                setAside: [String] = []) {
        self.names = names
        self.isOrdered = isOrdered
        self.values = values ?? names.indices.map { Double($0 + 1) }
        self.scale = scale
        self.setAside = setAside
        precondition(self.values.count == names.count, "one value per category")
    }

    /// Number of declared categories (Gwet's q).
    public var count: Int { names.count }

    /// The categories, then the set-aside choices: what a rating matrix's label codes index.
    public var allNames: [String] { names + setAside }

    /// What each of `allNames` says about the A/B comparison, derived from its name.
    public var verdicts: [Verdict] { allNames.map(Verdict.init(choice:)) }

    /// Applies the SPEC §8 declaration rules to the observed choices.
    /// - Parameters:
    ///   - choices: every observed choice (duplicates are fine).
    ///   - explicit: the `--categories` list, when given.
    ///   - ordinal: `--ordinal`: treat the declared order as an order.
    ///   - scaleHint: the scale recorded by the sessions, preferred when several scales fit
    ///     (a data set of only `tie` labels fits both `pairwise` and `likert5`).
    public static func declare<S: Sequence>(
        choices: S, explicit: [String]? = nil, ordinal: Bool = false, scaleHint: Scale? = nil
    ) throws(StatisticsError) -> CategorySet where S.Element == String {
        let seen = Set(choices)
        if let explicit {
            return try fromExplicit(explicit, ordinal: ordinal)
        }
        var candidates = Scale.allCases
        if let scaleHint { candidates.insert(scaleHint, at: 0) }
        if let scale = candidates.first(where: { seen.isSubset(of: $0.choices) }) {
            return fromScale(scale, ordinal: ordinal)
        }
        let distinct = Array(seen)
        if let numbers = numericValues(distinct) {
            // Numeric order; equal numbers written differently ("1", "1.0") stay apart, by text.
            let order = distinct.indices.sorted {
                numbers[$0] != numbers[$1] ? numbers[$0] < numbers[$1] : distinct[$0] < distinct[$1]
            }
            return CategorySet(names: order.map { distinct[$0] }, isOrdered: true,
                               values: order.map { numbers[$0] })
        }
        return CategorySet(names: distinct.sorted(), isOrdered: ordinal)
    }

    /// The categories of a known scale (likert5 carries its SPEC §5 values 2…−2, and sets
    /// `both_bad` aside).
    public static func fromScale(_ scale: Scale, ordinal: Bool = false) -> CategorySet {
        switch scale {
        case .likert5:
            return CategorySet(names: scale.values, isOrdered: true, values: [2, 1, 0, -1, -2], scale: scale,
                               setAside: scale.setAsideChoices)
        case .pairwise:
            return CategorySet(names: scale.values, isOrdered: ordinal || scale.isOrdered, scale: scale)
        }
    }

    private static func fromExplicit(_ list: [String], ordinal: Bool) throws(StatisticsError) -> CategorySet {
        guard !list.isEmpty else { throw .noCategories }
        var unique = Set<String>()
        for name in list {
            if name.isEmpty { throw .emptyCategory }
            if !unique.insert(name).inserted { throw .duplicateCategory(name) }
        }
        // A list that spells out a known scale behaves like that scale (likert5 stays ordered).
        if let scale = Scale.allCases.first(where: { $0.values == list }) {
            return fromScale(scale, ordinal: ordinal)
        }
        if let numbers = numericValues(list) {
            return CategorySet(names: list, isOrdered: true, values: numbers)
        }
        return CategorySet(names: list, isOrdered: ordinal)
    }

    /// The numbers the strings spell, or nil unless every one is a plain finite decimal number.
    static func numericValues(_ strings: [String]) -> [Double]? {
        guard !strings.isEmpty else { return nil }
        var out: [Double] = []
        out.reserveCapacity(strings.count)
        for s in strings {
            guard let x = plainNumber(s) else { return nil }
            out.append(x)
        }
        return out
    }

    /// Accepts `12`, `-3`, `+0.5`, `.5`, `1e3`; refuses hex, `nan`, `inf`, spaces and overflow.
    static func plainNumber(_ s: String) -> Double? {
        var digits = 0
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
        }
        guard digits > 0, let x = Double(s), x.isFinite else { return nil }
        return x
    }
}

/// What one choice says about which response won, used by win rates, BT and position bias.
///
/// `A`, `A>B`, `A>>B` favour A; `B`, `B>A`, `B>>A` favour B; `tie` and `both_bad` are their
/// own verdicts; any other category (custom `--categories`) says nothing about A versus B.
public enum Verdict: Sendable, Equatable {
    case a, b, tie, bothBad, other

    /// Maps a choice string to its verdict.
    public init(choice: String) {
        switch choice {
        case "A", "A>B", "A>>B": self = .a
        case "B", "B>A", "B>>A": self = .b
        case "tie": self = .tie
        case "both_bad": self = .bothBad
        default: self = .other
        }
    }

    /// True for a choice that prefers one response (A or B, of any strength).
    public var isDecisive: Bool { self == .a || self == .b }
}
