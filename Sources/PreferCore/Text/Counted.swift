/// A count with its noun in the right number: `1 label`, `2 labels`, `0 labels`.
///
/// Every message that counts something (commands and the labeling screen) says it through here, so "1 labels" cannot
/// creep back in one message at a time.
public enum Counted {
    /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless it is 1.
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
