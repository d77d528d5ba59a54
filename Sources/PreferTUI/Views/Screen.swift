/// Renders the whole labeling screen: a pure function from state to a cell grid.
public enum Screen {
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: max(0, state.size.cols), height: max(0, state.size.rows))
        guard ScreenLayout.fits(state.size) else {
            TooSmallView.draw(into: &grid, size: state.size)
            return grid
        }
        let frame = ScreenLayout.frame(for: state)
        HeaderView.draw(state, in: frame.header, into: &grid)
        if state.current != nil {
            for pane in [Pane.prompt, .response1, .response2] {
                PaneView.draw(pane, state: state, frame: frame, into: &grid)
            }
        } else if case .failed = state.mode {
            // Only the "Sitting ended" box: no "All done" under it while tasks are left.
        } else {
            let main = frame.panes[.prompt] ?? bodyRect(frame, state)
            DoneView.draw(state, in: Rect(x: main.x, y: main.y, width: main.width, height: max(0, state.size.rows - 3)),
                          into: &grid)
        }
        if state.guidelineVisible {
            PaneView.draw(.guideline, state: state, frame: frame, into: &grid)
        }
        StatusView.draw(state, notePrompt: state.fieldWasCut
                            ? "Note (full: \(AppState.noteLimit) characters kept; Enter saves, Esc cancels): "
                            : "Note (Enter saves, Esc cancels): ",
                        searchPrompt: "Search guideline (Enter finds, Esc cancels): /", in: frame.status, into: &grid)
        KeyBarView.draw(state, in: frame.keyBar, into: &grid)
        switch state.mode {
        case .help:
            // Help may use every row below the header: the key bar is what it explains.
            let area = Rect(x: 0, y: 1, width: state.size.cols, height: state.size.rows - 1)
            HelpView.draw(KeyMap(scale: state.config.scale), in: area, into: &grid)
        case .failed(let message):
            MessageBox.draw(title: "Sitting ended", lines: [message], in: bodyRect(frame, state), into: &grid)
        default:
            break
        }
        return grid
    }

    /// The area between the header and the status row.
    static func bodyRect(_ frame: ScreenLayout.Frame, _ state: AppState) -> Rect {
        Rect(x: 0, y: 1, width: state.size.cols, height: max(0, state.size.rows - 3))
    }
}
