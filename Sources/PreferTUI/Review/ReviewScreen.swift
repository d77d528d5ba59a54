import PreferCore

/// Renders the whole review screen: a pure function from state to a cell grid.
public enum ReviewScreen {
    public static func render(_ state: ReviewState) -> CellGrid {
        var grid = CellGrid(width: max(0, state.size.cols), height: max(0, state.size.rows))
        guard ScreenLayout.fits(state.size) else {
            TooSmallView.draw(into: &grid, size: state.size)
            return grid
        }
        let frame = ReviewLayout.frame(for: state)
        drawHeader(state, in: frame.header, into: &grid)
        if state.item == nil {
            MessageBox.draw(title: "Nothing to review", lines: [
                "No contested item: every task with two or more labels has a clear majority"
                    + " (or is above --min-agreement).", "", "Press q to quit.",
            ], in: frame.body, into: &grid)
        }
        for pane in [ReviewPane.prompt, .responseA, .responseB, .votes, .guideline] {
            if let rect = frame.panes[pane] {
                drawPane(pane, state: state, rect: rect, text: ReviewLayout.laidOut(pane, in: state, frame: frame),
                         into: &grid)
            }
        }
        StatusView.draw(state, notePrompt: "Verdict note (Enter keeps, Esc cancels): ",
                        searchPrompt: "Find item (task id or note; Enter finds, Esc cancels): /", in: frame.status,
                        into: &grid)
        let keyMap = ReviewKeys.keyMap(scale: state.config.scale)
        // With no item there is no verdict to retract, and the bar does not offer u.
        let bar = keyMap.barBindings(in: state.keyContext).filter { $0.command != .undo || state.item != nil }
        KeyBarView.draw(KeyBarView.entries(bar, width: frame.keyBar.width), in: frame.keyBar, into: &grid)
        switch state.mode {
        case .help:
            HelpView.draw(keyMap, footer: "Every verdict is saved the moment you choose. Any key closes this help.",
                          in: Rect(x: 0, y: 1, width: state.size.cols, height: state.size.rows - 1), into: &grid)
        case .failed(let message):
            MessageBox.draw(title: "Sitting ended", lines: [message], in: frame.body, into: &grid)
        default:
            break
        }
        return grid
    }

    /// ` prefer review · lead · tasks.jsonl      item 3/12 · 2 adjudicated `.
    static func drawHeader(_ state: ReviewState, in rect: Rect, into grid: inout CellGrid) {
        let progress = state.items.isEmpty ? "0 items"
            : "item \(state.position + 1)/\(state.items.count) · \(state.adjudicatedCount) adjudicated"
        HeaderView.draw(" prefer review · \(Sanitizer.singleLine(state.config.lead)) · ",
                        taskSet: state.config.taskSetName, progress: progress, in: rect, into: &grid)
    }

    /// A bordered pane as on the label screen: heavy border and `▶` when focused, the
    /// hidden-character badge, the scroll position at the bottom right.
    static func drawPane(_ pane: ReviewPane, state: ReviewState, rect: Rect, text: LaidOutText,
                         into grid: inout CellGrid) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let viewHeight = ScreenLayout.innerHeight(rect.height)
        let offset = min(state.offset(of: pane), ReviewLayout.maxOffset(lines: text.lines.count, view: viewHeight))
        PaneView.draw(Array(text.lines.dropFirst(offset).prefix(viewHeight)), from: offset,
                      known: (text.lines.count, true), title: title(pane, state: state, hidden: text.hiddenCount),
                      focused: state.focus == pane, in: rect, into: &grid)
    }

    /// `▶ Response A · gpt-4 · hidden chars: 2`, `Labels · 1 A · 1 B · no majority`.
    static func title(_ pane: ReviewPane, state: ReviewState, hidden: Int) -> String {
        var title = (state.focus == pane ? "▶ " : "") + pane.title
        switch pane {
        case .responseA where state.config.showModels:
            if let model = state.item?.modelA { title += " · " + Sanitizer.singleLine(model) }
        case .responseB where state.config.showModels:
            if let model = state.item?.modelB { title += " · " + Sanitizer.singleLine(model) }
        case .votes:
            if let item = state.item { title += " · " + ReviewVotesTable.summary(item) }
        case .prompt:
            if let turn = state.current?.judgedTurn { title += " · " + turn.text }
            if let item = state.item { title += " · " + Sanitizer.singleLine(item.task) }
        default:
            break
        }
        if hidden > 0 && pane != .guideline { title += " · hidden chars: \(hidden)" }
        return title
    }
}
