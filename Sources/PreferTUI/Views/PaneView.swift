/// A bordered, scrollable pane of laid-out text. The focused pane has a heavy border and a
/// `▶` before its title, so focus is visible without colour.
enum PaneView {
    static func draw(_ pane: Pane, state: AppState, frame: ScreenLayout.Frame, into grid: inout CellGrid) {
        guard let rect = frame.panes[pane], rect.width >= 4, rect.height >= 2 else { return }
        let focused = state.focus == pane
        let viewHeight = ScreenLayout.innerHeight(rect.height)
        let metrics = frame.metrics[pane]
        let offset = metrics?.clamp(state.offset(of: pane)) ?? 0
        // Only the lines on screen are laid out (and one more, to know whether there is more).
        let lines = metrics?.content.lines(offset..<(offset + viewHeight)) ?? []
        let turn = pane == .prompt ? state.current?.judgedTurn : nil
        draw(lines, from: offset, known: metrics?.content.known ?? (count: 0, isComplete: true),
             title: title(pane, focused: focused, hidden: metrics?.content.hiddenCount ?? 0, turn: turn),
             focused: focused, highlight: pane == .guideline ? state.searchHit : nil, in: rect, into: &grid)
    }

    /// The pane in `rect` (on either screen): its box and `title`, its `lines` on screen (the
    /// first at `offset`; the line `highlight` reversed) and where they are in `known` lines.
    static func draw(_ lines: [StyledLine], from offset: Int, known: (count: Int, isComplete: Bool), title: String,
                     focused: Bool, highlight: Int? = nil, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, with: .blank)
        grid.drawBox(rect, title: title, style: focused ? [.bold, .accent] : .plain, weight: focused ? .heavy : .light)
        let textWidth = ScreenLayout.innerWidth(rect.width)
        for (row, line) in lines.enumerated() {
            grid.put(line, row: rect.y + 1 + row, col: rect.x + 2, maxWidth: textWidth,
                     baseStyle: highlight == offset + row ? .reverse : .plain)
        }
        let position = scrollPosition(offset: offset, view: ScreenLayout.innerHeight(rect.height), total: known.count,
                                      totalIsKnown: known.isComplete)
        let col = rect.x + rect.width - DisplayWidth.of(position) - 2
        if !position.isEmpty, col > rect.x + 1 {
            grid.put(text: position, row: rect.y + rect.height - 1, col: col, maxWidth: DisplayWidth.of(position),
                     style: focused ? .bold : .plain)
        }
    }

    /// `▶ Response 1 · hidden chars: 3`: focus marker, name and the hidden-character badge;
    /// `Prompt · turn 2 of 2` for the question of a later turn of a conversation.
    static func title(_ pane: Pane, focused: Bool, hidden: Int, turn: JudgedTurn? = nil) -> String {
        var title = (focused ? "▶ " : "") + pane.title
        if let turn { title += " · " + turn.text + " · earlier turns above each reply" }
        if hidden > 0 && pane != .guideline { title += " · hidden chars: \(hidden)" }
        return title
    }

    /// ` 13–24 of 40 ↓ ` while more is below, ` end ` once the last line shows; empty when
    /// everything fits. While the text is not laid out to its end (a huge response, see
    /// `LazyLayout`) the total is the lines laid out so far with a `+`: ` 1–40 of 1820+ ↓ `.
    static func scrollPosition(offset: Int, view: Int, total: Int, totalIsKnown: Bool = true) -> String {
        guard total > view || !totalIsKnown, view > 0 else { return "" }
        guard totalIsKnown else { return " \(offset + 1)–\(offset + view) of \(total)+ ↓ " }
        let last = min(total, offset + view)
        let more = last < total ? " ↓" : " end"
        return " \(offset + 1)–\(last) of \(total)\(more) "
    }
}
