/// What a pane shows at its width: for a response with earlier turns, those turns (laid
/// out on their own, so their Markdown cannot run into the reply), a blank line, then the
/// reply; otherwise the one text. Lines are laid out only as far as they are asked for.
public struct PaneContent: Sendable {
    public var earlier: LazyLayout?
    public var main: LazyLayout

    public init(main: LazyLayout, earlier: LazyLayout? = nil) {
        self.main = main
        self.earlier = earlier
    }

    /// The line the pane opens at: the reply, past the earlier turns and the blank line
    /// (0 when there are none). Lays the earlier turns out in full.
    public var openingLine: Int { earlier.map { $0.count + 1 } ?? 0 }

    /// The screen lines in `range` that exist.
    public func lines(_ range: Range<Int>) -> [StyledLine] {
        guard let earlier else { return main.lines(range) }
        let above = earlier.count(upTo: range.upperBound)
        var result = range.lowerBound < above ? earlier.lines(range.lowerBound..<min(range.upperBound, above)) : []
        guard range.upperBound > above else { return result }
        if range.lowerBound <= above { result.append(.empty) }
        let start = max(0, range.lowerBound - above - 1)
        result += main.lines(start..<(range.upperBound - above - 1))
        return result
    }

    /// The number of lines, but at most `limit` (only as much is laid out as that needs).
    public func count(upTo limit: Int) -> Int {
        guard let earlier else { return main.count(upTo: limit) }
        let above = earlier.count(upTo: limit)
        guard above + 1 < limit else { return min(limit, above + 1) }
        return above + 1 + main.count(upTo: limit - above - 1)
    }

    /// Lines laid out so far and whether that is all of them.
    public var known: (count: Int, isComplete: Bool) {
        let reply = main.known
        guard let earlier else { return reply }
        let above = earlier.known
        return above.isComplete ? (above.count + 1 + reply.count, reply.isComplete) : (above.count, false)
    }

    /// Hidden or control characters in all of the pane's text (the title's badge).
    public var hiddenCount: Int { (earlier?.hiddenCount ?? 0) + main.hiddenCount }
}
