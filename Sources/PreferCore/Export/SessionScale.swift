/// The choice scale the sessions declare, used to name an export's categories.
public enum SessionScale {
    /// The known scale that every `session_start` record names in its `scale`, or nil when
    /// there is none, they disagree, or one names a list that is no known scale.
    public static func hint(_ records: [SessionRecord]) -> Scale? {
        var found: Scale?
        for record in records where record.type == "session_start" {
            guard let values = record.json["scale"]?.arrayValue?.map({ $0.stringValue ?? "" }),
                  let scale = Scale.allCases.first(where: { $0.values == values }) else { return nil }
            if let found, found != scale { return nil }
            found = scale
        }
        return found
    }

    /// The export's declared categories (SPEC §8 without `--categories`): the scale's values
    /// when every choice belongs to it, else the distinct choices seen.
    public static func categories(of choices: [String], hint: Scale?) -> [String] {
        (try? CategorySet.declare(choices: choices, scaleHint: hint).names) ?? Array(Set(choices)).sorted()
    }
}
