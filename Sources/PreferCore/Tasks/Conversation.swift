/// How a conversation-form task (SPEC §2) splits into what both sides share and what each side
/// says: the one rule for the labeling screen and every export.
public enum Conversation {
    /// How many leading messages go to the shared prompt: those both conversations open with,
    /// but never a side's last message, so that each side keeps at least the message the rater
    /// compares (its pane, its `response_*`, is never empty) and `prompt + response_a` is
    /// `conversation_a` exactly.
    ///
    /// Without the cap, a conversation that is the start of the other (or two identical
    /// conversations) would put everything one side says into the prompt: the rater saw a
    /// reply in that pane, and the export said the side answered nothing (`[]`).
    public static func sharedPrefix<M>(_ a: [M], _ b: [M], same: (M, M) -> Bool) -> Int {
        let limit = min(a.count, b.count) - 1
        var count = 0
        while count < limit && same(a[count], b[count]) { count += 1 }
        return count
    }

    /// `sharedPrefix` of decoded messages, equal when role and content are.
    public static func sharedPrefix(_ a: [Message], _ b: [Message]) -> Int {
        sharedPrefix(a, b, same: ==)
    }
}
