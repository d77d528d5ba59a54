/// Text laid out for one pane width: the screen lines and the hidden-character count.
public struct LaidOutText: Sendable, Hashable {
    public var lines: [StyledLine]
    /// How many hidden or control characters the source held (the `hidden chars: N` badge).
    public var hiddenCount: Int

    /// Creates laid-out text (normally only `TextLayout` does this).
    public init(lines: [StyledLine], hiddenCount: Int) {
        self.lines = lines
        self.hiddenCount = hiddenCount
    }

    /// The indices of the lines that contain `query`, ignoring case, for `/` search in
    /// the guideline pane; an empty or blank query matches nothing.
    public func lines(matching query: String) -> [Int] {
        let needle = query.lowercased()
        guard !needle.allSatisfy(\.isWhitespace) else { return [] }
        var result: [Int] = []
        for (index, line) in lines.enumerated() where line.text.lowercased().contains(needle) {
            result.append(index)
        }
        return result
    }
}
