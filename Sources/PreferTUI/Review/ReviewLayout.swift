/// Where everything goes on the review screen for a given size: the header, the prompt,
/// responses A and B side by side, the labels table, the status row and the key bar; the
/// guideline (`g`) covers everything between header and status row. One pure function, so
/// scrolling bounds, rendering and tests agree.
public enum ReviewLayout {
    /// The rectangles of the screen's parts.
    public struct Frame: Sendable, Equatable {
        public var header: Rect
        public var body: Rect
        public var panes: [ReviewPane: Rect]
        public var status: Rect
        public var keyBar: Rect
    }

    /// The labels table takes the rows it needs up to this share of the body.
    public static let votesSharePercent = 40
    /// The prompt takes the rows it needs up to this share of what the table leaves.
    public static let promptSharePercent = 35

    public static func frame(for state: ReviewState) -> Frame {
        let cols = state.size.cols
        let rows = state.size.rows
        let body = Rect(x: 0, y: 1, width: cols, height: max(0, rows - 3))
        var panes: [ReviewPane: Rect] = [:]
        if state.guidelineVisible { panes[.guideline] = body }
        if let item = state.item {
            let tableLines = ReviewVotesTable.lines(item, width: ScreenLayout.innerWidth(cols)).count
            let votesHeight = min(tableLines + 2, max(4, body.height * votesSharePercent / 100))
            let rest = body.height - votesHeight
            let promptLines = TextLayout.layout(state.current?.promptText ?? "", width: ScreenLayout.innerWidth(cols),
                                                markdown: true).lines.count
            let promptHeight = min(promptLines + 2, max(3, rest * promptSharePercent / 100))
            let responsesHeight = max(0, rest - promptHeight)
            let leftWidth = cols / 2
            panes[.prompt] = Rect(x: 0, y: body.y, width: cols, height: promptHeight)
            panes[.responseA] = Rect(x: 0, y: body.y + promptHeight, width: leftWidth, height: responsesHeight)
            panes[.responseB] = Rect(x: leftWidth, y: body.y + promptHeight, width: cols - leftWidth,
                                     height: responsesHeight)
            panes[.votes] = Rect(x: 0, y: body.y + rest, width: cols, height: votesHeight)
        }
        return Frame(header: Rect(x: 0, y: 0, width: cols, height: 1), body: body, panes: panes,
                     status: Rect(x: 0, y: rows - 2, width: cols, height: 1),
                     keyBar: Rect(x: 0, y: rows - 1, width: cols, height: 1))
    }

    /// The laid-out text of a pane at its width in `frame`.
    public static func laidOut(_ pane: ReviewPane, in state: ReviewState, frame: Frame) -> LaidOutText {
        guard let rect = frame.panes[pane] else { return LaidOutText(lines: [], hiddenCount: 0) }
        let width = ScreenLayout.innerWidth(rect.width)
        switch pane {
        case .prompt:
            return TextLayout.layout(state.current?.promptText ?? "", width: width, markdown: true)
        case .responseA, .responseB:
            guard let task = state.current else { return LaidOutText(lines: [], hiddenCount: 0) }
            let reply = pane == .responseA ? task.responseA : task.responseB
            let earlier = pane == .responseA ? task.earlierA : task.earlierB
            let main = TextLayout.layout(reply, width: width, markdown: true)
            guard !earlier.isEmpty else { return main }
            let above = TextLayout.layout(earlier, width: width, markdown: true)
            return LaidOutText(lines: above.lines + [StyledLine("")] + main.lines,
                               hiddenCount: above.hiddenCount + main.hiddenCount)
        case .votes:
            guard let item = state.item else { return LaidOutText(lines: [], hiddenCount: 0) }
            let notes = item.votes.compactMap(\.note) + [item.verdict?.note].compactMap { $0 }
            return LaidOutText(lines: ReviewVotesTable.lines(item, width: width),
                               hiddenCount: notes.reduce(0) { $0 + Sanitizer.hiddenCount(in: $1) })
        case .guideline:
            return TextLayout.layout(state.config.guideline, width: width, markdown: true, joinSoftBreaks: true)
        }
    }

    /// View height and largest useful scroll offset of every pane on screen, for clamping
    /// scroll offsets. The review screen lays its few texts out whole (a lead reviews a
    /// handful of items, not a 10 MB stream), so the totals are known here; the label
    /// screen's lazy `PaneMetrics` is for texts that must not be laid out whole.
    public static func metrics(for state: ReviewState) -> [ReviewPane: (viewHeight: Int, maxOffset: Int)] {
        guard ScreenLayout.fits(state.size) else { return [:] }
        let frame = frame(for: state)
        var result: [ReviewPane: (viewHeight: Int, maxOffset: Int)] = [:]
        for (pane, rect) in frame.panes {
            let view = ScreenLayout.innerHeight(rect.height)
            result[pane] = (view, maxOffset(lines: laidOut(pane, in: state, frame: frame).lines.count, view: view))
        }
        return result
    }

    /// The offset that puts the last of `lines` at the bottom of a view of `view` rows.
    static func maxOffset(lines: Int, view: Int) -> Int { max(0, lines - view) }
}
