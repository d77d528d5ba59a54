/// The rule of the one-line note and search fields of every screen: a field holds at most
/// its limit of characters, and a cut is remembered so the field can say so.
enum OneLineField {
    /// `text` cut to `limit` characters; a cut sets `wasCut`.
    static func limited(_ text: String, to limit: Int, wasCut: inout Bool) -> String {
        // utf8.count is O(1): a text of no more bytes than the limit has no more characters.
        guard text.utf8.count > limit, text.count > limit else { return text }
        wasCut = true
        return String(text.prefix(limit))
    }
}
