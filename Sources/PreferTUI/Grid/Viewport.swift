/// The scroll state of one pane: which content line is at the top.
///
/// Content and view heights are passed in rather than stored, so a resize or a new
/// layout never leaves a stale copy behind; every change clamps the offset.
public struct Viewport: Sendable, Hashable {
    /// The index of the first visible content line.
    public private(set) var offset: Int

    /// Creates a viewport scrolled to `offset` (negative counts as 0).
    public init(offset: Int = 0) {
        self.offset = max(0, offset)
    }

    /// The largest useful offset: the one that shows the last line at the bottom.
    public static func maxOffset(contentHeight: Int, viewHeight: Int) -> Int {
        max(0, contentHeight - max(0, viewHeight))
    }

    /// Scrolls by `delta` lines (positive is down), clamped to the content.
    public mutating func scroll(by delta: Int, contentHeight: Int, viewHeight: Int) {
        let target = offset.addingReportingOverflow(delta)
        let unclamped = target.overflow ? (delta > 0 ? Int.max : 0) : target.partialValue
        offset = min(max(0, unclamped), Viewport.maxOffset(contentHeight: contentHeight, viewHeight: viewHeight))
    }

    /// One page down, keeping the last visible line as context at the top.
    public mutating func pageDown(contentHeight: Int, viewHeight: Int) {
        scroll(by: Viewport.pageSize(viewHeight), contentHeight: contentHeight, viewHeight: viewHeight)
    }

    /// One page up, keeping the first visible line as context at the bottom.
    public mutating func pageUp(contentHeight: Int, viewHeight: Int) {
        scroll(by: -Viewport.pageSize(viewHeight), contentHeight: contentHeight, viewHeight: viewHeight)
    }

    /// Scrolls to the first line.
    public mutating func home() {
        offset = 0
    }

    /// Scrolls so the last line is at the bottom.
    public mutating func end(contentHeight: Int, viewHeight: Int) {
        offset = Viewport.maxOffset(contentHeight: contentHeight, viewHeight: viewHeight)
    }

    /// Re-clamps after the content or the view changed size (a resize, a new layout).
    public mutating func clamp(contentHeight: Int, viewHeight: Int) {
        offset = min(offset, Viewport.maxOffset(contentHeight: contentHeight, viewHeight: viewHeight))
    }

    /// Scrolls as little as possible so `line` is visible (search results).
    public mutating func reveal(line: Int, contentHeight: Int, viewHeight: Int) {
        guard viewHeight > 0 else { return }
        if line < offset {
            offset = max(0, line)
        } else if line >= offset + viewHeight {
            offset = line - viewHeight + 1
        }
        clamp(contentHeight: contentHeight, viewHeight: viewHeight)
    }

    /// True when the last content line is visible — also when all content fits the view;
    /// for `--require-read` the caller remembers that it was ever true.
    public func isAtEnd(contentHeight: Int, viewHeight: Int) -> Bool {
        guard contentHeight > 0 else { return true }
        guard viewHeight > 0 else { return false }
        return offset + viewHeight >= contentHeight
    }

    /// The content lines on screen.
    public func visibleLines(contentHeight: Int, viewHeight: Int) -> Range<Int> {
        let start = min(offset, max(0, contentHeight))
        return start..<min(max(0, contentHeight), start + max(0, viewHeight))
    }

    /// Lines a page moves: the view height less one line of context, at least one.
    static func pageSize(_ viewHeight: Int) -> Int {
        max(1, viewHeight - 1)
    }
}
