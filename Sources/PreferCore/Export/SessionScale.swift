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
    /// when every choice belongs to it, else the distinct choices seen.
    public static func categories(of choices: [String], hint: Scale?) -> [String] {
        (try? CategorySet.declare(choices: choices, scaleHint: hint).names) ?? Array(Set(choices)).sorted()
    }
}
