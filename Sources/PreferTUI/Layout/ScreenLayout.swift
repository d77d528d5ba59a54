/// Where everything goes on the labeling screen for a given size, decided by one pure
/// function so that scrolling bounds, rendering and tests all agree.
public enum ScreenLayout {
    /// Below this the screen says "terminal too small" and labeling keys do nothing.
    public static let minimumSize = TerminalSize(cols: 60, rows: 16)
    /// From this width on the guideline sits beside the responses instead of over them.
    public static let wideColumns = 150

    public static func fits(_ size: TerminalSize) -> Bool {
        size.cols >= minimumSize.cols && size.rows >= minimumSize.rows
    }

    public static func isWide(_ size: TerminalSize) -> Bool { size.cols >= wideColumns }

    /// The rectangles of the screen's parts and what each pane shows: one value per frame,
    /// which the reducer's scrolling and the views both read, so they cannot disagree.
    public struct Frame: Sendable {
        public var header: Rect
        public var panes: [Pane: Rect]
        public var status: Rect
        public var keyBar: Rect
        /// The guideline is drawn over the other panes (narrow screens).
        public var guidelineIsOverlay: Bool
        /// Each pane's text at its width and view height (no task panes while no task is
        /// shown; none at all when the screen is too small).
        public var metrics: [Pane: PaneMetrics]
    }

    /// Lays out the screen for the state's size, task and guideline visibility. The texts
    /// are laid out lazily and kept with the task (`PaneText`), so this is cheap to repeat.
    public static func frame(for state: AppState) -> Frame {
        let cols = state.size.cols
        let rows = state.size.rows
        let header = Rect(x: 0, y: 0, width: cols, height: 1)
        let status = Rect(x: 0, y: rows - 2, width: cols, height: 1)
        let keyBar = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        let body = Rect(x: 0, y: 1, width: cols, height: max(0, rows - 3))
        var panes: [Pane: Rect] = [:]
        var contents: [Pane: PaneContent] = [:]
        var main = body
        let wide = isWide(state.size)
        if state.guidelineVisible {
            if wide {
                let guideWidth = max(40, cols * 34 / 100)
                panes[.guideline] = Rect(x: cols - guideWidth, y: body.y, width: guideWidth, height: body.height)
                main.width = cols - guideWidth
            } else {
                panes[.guideline] = body
            }
            contents[.guideline] = PaneContent(main: state.config.guidelineText.layout(width: innerWidth(panes[.guideline]!.width)))
        }
        let leftWidth = main.width / 2
        let widths: [Pane: Int] = [.prompt: main.width, .response1: leftWidth, .response2: main.width - leftWidth]
        if let task = state.current {
            func content(_ text: PaneText, _ earlier: PaneText, _ pane: Pane) -> PaneContent {
                let width = innerWidth(widths[pane]!)
                return PaneContent(main: text.layout(width: width), earlier: earlier.isEmpty ? nil : earlier.layout(width: width))
            }
            contents[.prompt] = PaneContent(main: task.prompt.layout(width: innerWidth(main.width)))
            contents[.response1] = content(task.left, task.leftEarlierTurns, .response1)
            contents[.response2] = content(task.right, task.rightEarlierTurns, .response2)
        }
        let promptHeight = promptPaneHeight(contents, main: main)
        panes[.prompt] = Rect(x: main.x, y: main.y, width: main.width, height: promptHeight)
        let responsesY = main.y + promptHeight
        let responsesHeight = max(0, main.height - promptHeight)
        panes[.response1] = Rect(x: main.x, y: responsesY, width: leftWidth, height: responsesHeight)
        panes[.response2] = Rect(x: main.x + leftWidth, y: responsesY, width: main.width - leftWidth,
                                 height: responsesHeight)
        var metrics: [Pane: PaneMetrics] = [:]
        if fits(state.size) {
            for (pane, content) in contents {
                metrics[pane] = PaneMetrics(content: content, viewHeight: innerHeight(panes[pane]!.height))
            }
        }
        return Frame(header: header, panes: panes, status: status, keyBar: keyBar,
                     guidelineIsOverlay: state.guidelineVisible && !wide, metrics: metrics)
    }

    /// The share of the rows under the header the prompt pane may always take (40%); it
    /// takes more only when the responses would leave those rows empty.
    public static let promptSharePercent = 40

    /// The prompt pane's height: the rows its text needs, up to `promptSharePercent` of
    /// `main`, or beyond that up to what the taller response leaves unused, so no row
    /// stays empty while the prompt scrolls. Counts of more lines than `main` has rows
    /// change nothing, so no text is laid out further than that.
    static func promptPaneHeight(_ contents: [Pane: PaneContent], main: Rect) -> Int {
        guard let prompt = contents[.prompt] else { return 3 }
        let cap = max(0, main.height) + 1
        let need = max(3, prompt.count(upTo: cap) + 2)
        let share = max(3, main.height * promptSharePercent / 100)
        if need <= share { return need }
        let responseLines = max(contents[.response1]?.count(upTo: cap) ?? 0, contents[.response2]?.count(upTo: cap) ?? 0)
        let unusedByResponses = main.height - max(3, responseLines + 2)
        return min(need, max(share, unusedByResponses))
    }

    /// Text columns inside a bordered pane: a border and a space of padding on each side.
    public static func innerWidth(_ boxWidth: Int) -> Int { max(0, boxWidth - 4) }
    /// Text rows inside a bordered pane.
    public static func innerHeight(_ boxHeight: Int) -> Int { max(0, boxHeight - 2) }

    /// Guideline lines (at the pane's current width) that contain `query`, ignoring case.
    public static func guidelineMatches(_ query: String, in frame: Frame) -> [Int] {
        frame.metrics[.guideline]?.content.main.lines(matching: query) ?? []
    }
}
