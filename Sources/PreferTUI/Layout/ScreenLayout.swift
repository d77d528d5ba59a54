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

    /// The rectangles of the screen's parts.
    public struct Frame: Sendable, Equatable {
        public var header: Rect
        public var panes: [Pane: Rect]
        public var status: Rect
        public var keyBar: Rect
        /// The guideline is drawn over the other panes (narrow screens).
        public var guidelineIsOverlay: Bool
    }

    /// Lays out the screen for the state's size, task and guideline visibility.
    public static func frame(for state: AppState) -> Frame {
        let cols = state.size.cols
        let rows = state.size.rows
        let header = Rect(x: 0, y: 0, width: cols, height: 1)
        let status = Rect(x: 0, y: rows - 2, width: cols, height: 1)
        let keyBar = Rect(x: 0, y: rows - 1, width: cols, height: 1)
        let body = Rect(x: 0, y: 1, width: cols, height: max(0, rows - 3))
        var panes: [Pane: Rect] = [:]
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
        }
        let promptHeight = promptPaneHeight(state, main: main)
        panes[.prompt] = Rect(x: main.x, y: main.y, width: main.width, height: promptHeight)
        let responsesY = main.y + promptHeight
        let responsesHeight = max(0, main.height - promptHeight)
        let leftWidth = main.width / 2
        panes[.response1] = Rect(x: main.x, y: responsesY, width: leftWidth, height: responsesHeight)
        panes[.response2] = Rect(x: main.x + leftWidth, y: responsesY, width: main.width - leftWidth,
                                 height: responsesHeight)
        return Frame(header: header, panes: panes, status: status, keyBar: keyBar,
                     guidelineIsOverlay: state.guidelineVisible && !wide)
    }

    /// The share of the rows under the header the prompt pane may always take (40%); it
    /// takes more only when the responses would leave those rows empty.
    public static let promptSharePercent = 40

    /// The prompt pane's height: the rows its text needs, up to `promptSharePercent` of
    /// `main`, or beyond that up to what the taller response leaves unused, so no row
    /// stays empty while the prompt scrolls.
    static func promptPaneHeight(_ state: AppState, main: Rect) -> Int {
        guard let task = state.current else { return 3 }
        let need = max(3, TextLayout.layout(task.promptText, width: innerWidth(main.width), markdown: true)
            .lines.count + 2)
        let share = max(3, main.height * promptSharePercent / 100)
        if need <= share { return need }
        let leftWidth = main.width / 2
        func lines(_ text: String, _ earlier: String, _ width: Int) -> Int {
            TextLayout.layout(text, width: innerWidth(width), markdown: true).lines.count
                + (earlier.isEmpty ? 0 : TextLayout.layout(earlier, width: innerWidth(width), markdown: true).lines.count + 1)
        }
        let responseLines = max(lines(task.leftText, task.leftEarlier, leftWidth),
                                lines(task.rightText, task.rightEarlier, main.width - leftWidth))
        let unusedByResponses = main.height - max(3, responseLines + 2)
        return min(need, max(share, unusedByResponses))
    }

    /// Text columns inside a bordered pane: a border and a space of padding on each side.
    public static func innerWidth(_ boxWidth: Int) -> Int { max(0, boxWidth - 4) }
    /// Text rows inside a bordered pane.
    public static func innerHeight(_ boxHeight: Int) -> Int { max(0, boxHeight - 2) }

    /// The untrusted Markdown a pane shows for the state's current task.
    public static func text(of pane: Pane, in state: AppState) -> String {
        switch pane {
        case .guideline: return state.config.guideline
        case .prompt: return state.current?.promptText ?? ""
        case .response1: return state.current?.leftText ?? ""
        case .response2: return state.current?.rightText ?? ""
        }
    }

    /// The earlier turns a response pane shows above its reply (conversations only).
    public static func earlierText(of pane: Pane, in state: AppState) -> String {
        switch pane {
        case .response1: return state.current?.leftEarlier ?? ""
        case .response2: return state.current?.rightEarlier ?? ""
        case .prompt, .guideline: return ""
        }
    }

    /// The laid-out text of a pane at its current width: for a response with earlier turns,
    /// those turns (laid out on their own, so their Markdown cannot run into the reply), a
    /// blank line, then the reply.
    public static func laidOut(_ pane: Pane, in state: AppState, frame: Frame) -> LaidOutText? {
        guard let rect = frame.panes[pane] else { return nil }
        let width = innerWidth(rect.width)
        // Only the guideline's paragraphs reflow; responses keep their lines as written.
        let main = TextLayout.layout(text(of: pane, in: state), width: width, markdown: true,
                                     joinSoftBreaks: pane == .guideline)
        let earlier = earlierText(of: pane, in: state)
        guard !earlier.isEmpty else { return main }
        let above = TextLayout.layout(earlier, width: width, markdown: true)
        return LaidOutText(lines: above.lines + [StyledLine("")] + main.lines,
                           hiddenCount: above.hiddenCount + main.hiddenCount)
    }

    /// The line a pane opens at on a new task: a response's judged reply, past its
    /// earlier turns (0 when there are none).
    public static func openingLine(of pane: Pane, in state: AppState, frame: Frame) -> Int {
        let earlier = earlierText(of: pane, in: state)
        guard !earlier.isEmpty, let rect = frame.panes[pane] else { return 0 }
        return TextLayout.layout(earlier, width: innerWidth(rect.width), markdown: true).lines.count + 1
    }

    /// Content and view heights of every visible pane, for clamping scroll offsets.
    public static func metrics(for state: AppState) -> [Pane: PaneMetrics] {
        guard fits(state.size) else { return [:] }
        let frame = frame(for: state)
        var result: [Pane: PaneMetrics] = [:]
        for (pane, rect) in frame.panes {
            if pane != .guideline && state.current == nil { continue }
            let lines = laidOut(pane, in: state, frame: frame)?.lines.count ?? 0
            result[pane] = PaneMetrics(contentHeight: lines, viewHeight: innerHeight(rect.height),
                                       openingLine: openingLine(of: pane, in: state, frame: frame))
        }
        return result
    }

    /// Guideline lines (at the pane's current width) that contain `query`, ignoring case.
    public static func guidelineMatches(_ query: String, in state: AppState) -> [Int] {
        guard fits(state.size) else { return [] }
        let frame = frame(for: state)
        return laidOut(.guideline, in: state, frame: frame)?.lines(matching: query) ?? []
    }
}
