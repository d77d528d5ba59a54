/// Counted nouns for the screen, so it never says "1 tasks".
enum Words {
    /// `1 task`, `2 tasks`, `0 tasks` (nouns whose plural adds an s).
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)" + (n == 1 ? "" : "s")
    }
}
