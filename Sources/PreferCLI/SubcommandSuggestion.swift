/// The "did you mean" for a mistyped subcommand (`prefer reprot`), which argument-parser
/// reports only as "Unexpected argument".
enum SubcommandSuggestion {
    /// The known name closest to `typed` — at most two edits away, or one it starts — or nil.
    static func closest(to typed: String, among names: [String]) -> String? {
        let lowered = typed.lowercased()
        if let prefixed = names.first(where: { lowered.count >= 2 && $0.hasPrefix(lowered) }) { return prefixed }
        let scored = names.map { (name: $0, distance: editDistance(Array(lowered), Array($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = max(1, min(2, best.name.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// The message for an unknown subcommand, or nil when `arguments` (without the program
    /// name) start with a known one, an option, or nothing.
    static func problem(arguments: [String], names: [String]) -> String? {
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let first = words.first, !first.hasPrefix("-"), !names.contains(first), first != "help" else { return nil }
        var message = "unknown command '\(first)'"
        if let guess = closest(to: first, among: names) { message += "; did you mean '\(guess)'?" }
        return message + "\nCommands: " + names.joined(separator: ", ") + " (see prefer --help)"
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit ("reprot").
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
