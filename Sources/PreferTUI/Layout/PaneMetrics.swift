/// How tall a pane's text is and how much of it shows, which bounds its scrolling.
public struct PaneMetrics: Sendable, Equatable {
    public var contentHeight: Int
    public var viewHeight: Int

    public init(contentHeight: Int, viewHeight: Int) {
        self.contentHeight = contentHeight
        self.viewHeight = viewHeight
    }

    /// The largest useful scroll offset: the last line sits at the bottom of the pane.
    public var maxOffset: Int { max(0, contentHeight - viewHeight) }
}
