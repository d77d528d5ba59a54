/// A pane's content and how many of its lines show, which bound its scrolling. Every
/// question is answered by laying out only as far as it needs: whether a line exists past
/// the view, not how many lines there are in all.
public struct PaneMetrics: Sendable {
    public var content: PaneContent
    public var viewHeight: Int

    public init(content: PaneContent, viewHeight: Int) {
        self.content = content
        self.viewHeight = viewHeight
    }

    /// `offset` made valid: at most the largest useful offset (the last line at the bottom
    /// of the pane, or the opening line at its top when that is further). Lays out only up
    /// to one line past the view at `offset`.
    public func clamp(_ offset: Int) -> Int {
        let offset = max(0, offset)
        let (end, overflow) = offset.addingReportingOverflow(viewHeight)
        if !overflow, content.count(upTo: end + 1) > end { return offset }
        return min(offset, maxOffset)
    }

    /// True when `offset` shows the end: the last line, or the opening line at the top.
    public func isAtEnd(_ offset: Int) -> Bool { clamp(offset + 1) <= offset }

    /// True when the pane has more than fits (it can scroll at all).
    public var scrolls: Bool { clamp(1) == 1 }

    /// The largest useful scroll offset (lays out the whole text).
    public var maxOffset: Int {
        let total = content.count(upTo: Int.max)
        return max(0, total - viewHeight, min(content.openingLine, total - 1))
    }
}
