/// The choice scale the sessions declare, used to name an export's categories.
public enum SessionScale {
    /// `hint` from the `scale` of each `session_start` line, as `list` reads it.
    static func hint<Lists: Sequence>(lists: Lists) -> Scale? where Lists.Element == [String]? {
        var found: Scale?
        for values in lists {
            guard let values, let scale = Scale.allCases.first(where: { $0.values == values }) else { return nil }
            if let found, found != scale { return nil }
            found = scale
        }
        return found
    }

    /// A `scale` value as the hint reads it: every element, one that is not a string as "";
    /// nil when the value is missing or not an array.
    static func list(_ value: JSONValue?) -> [String]? {
        value?.arrayValue?.map { $0.stringValue ?? "" }
    }

    /// The export's declared categories (SPEC §8 without `--categories`): the scale's values
    /// when every choice belongs to it, else the distinct choices seen; then the scale's
    /// set-aside choices (likert5's `both_bad`) that occur, so that every line has the same keys
    /// and an export without them reads as before.
    public static func categories(of choices: [String], hint: Scale?) -> [String] {
        guard let set = try? CategorySet.declare(choices: choices, scaleHint: hint) else { return Array(Set(choices)).sorted() }
        let seen = Set(choices)
        return set.names + set.setAside.filter(seen.contains)
    }
}
