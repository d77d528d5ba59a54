/// How tall a pane's text is and how much of it shows, which bounds its scrolling.
public struct PaneMetrics: Sendable, Equatable {
    public var contentHeight: Int
    public var viewHeight: Int
    /// The line the pane opens at (a conversation's judged reply); the pane may scroll
    /// this far even when the reply is shorter than the pane, so the reply can sit at
    /// the top with the earlier turns above it.
    public var openingLine: Int

    public init(contentHeight: Int, viewHeight: Int, openingLine: Int = 0) {
        self.contentHeight = contentHeight
        self.viewHeight = viewHeight
        self.openingLine = openingLine
    }

    /// The largest useful scroll offset: the last line sits at the bottom of the pane, or
    /// the opening line at its top when that is further.
    public var maxOffset: Int { max(0, contentHeight - viewHeight, min(openingLine, contentHeight - 1)) }
}
