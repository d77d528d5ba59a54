/// The bottom row: the key bar, generated from the same table that dispatches keys. The
/// full names are used when they fit; else the short names (`1/2 best … Tab pane g guide
/// / find`), which keep every key needed to choose and to move around at 80 columns; only
/// below that do the least needed entries go, so the choices, `?` and `q` always stay.
enum KeyBarView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        draw(entries(state, width: rect.width), in: rect, into: &grid)
    }

    /// Draws entries left to right in reverse video, keys in bold.
    static func draw(_ entries: [Entry], in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, with: Cell(" ", style: .reverse))
        var col = rect.x
        let end = rect.x + rect.width
        for entry in entries where col + entry.width <= end {
            col += grid.put(text: entry.key, row: rect.y, col: col, maxWidth: end - col, style: [.reverse, .bold])
            col += grid.put(text: entry.label, row: rect.y, col: col, maxWidth: end - col, style: .reverse)
        }
    }

    /// The entries that fit `width`: all full names, else short names less the least needed.
    static func entries(_ state: AppState, width: Int) -> [Entry] {
        let bindings = KeyMap(scale: state.config.scale).barBindings(in: state.keyContext).filter { binding in
            // With nothing to undo the done screen does not offer u, and neither does its bar.
            !(binding.command == .undo && state.keyContext == .done && state.history.isEmpty)
        }
        return entries(bindings, width: width)
    }

    /// The entries of `bindings` that fit `width` (any screen's table: label's or review's).
    static func entries(_ bindings: [KeyBinding], width: Int) -> [Entry] {
        let full = bindings.compactMap { binding in
            binding.barLabel.map { Entry(key: " " + binding.keyLabel, label: " " + $0 + " ", command: binding.command) }
        }
        if full.reduce(0, { $0 + $1.width }) <= width { return full }
        var short = bindings.compactMap { binding in
            binding.shortBar.map { Entry(key: " " + $0.key, label: " " + $0.label, command: binding.command) }
        }
        for command in droppedFirst where short.reduce(0, { $0 + $1.width }) > width {
            short.removeAll { $0.command == command }
        }
        return short
    }

    struct Entry {
        var key: String
        var label: String
        var command: Command
        var width: Int { DisplayWidth.of(key) + DisplayWidth.of(label) }
    }

    /// Entries left out of a bar too narrow even for the short names, in this order; `?`
    /// lists them all anyway. Moving around (Tab, g, /) goes last.
    private static let droppedFirst: [Command] = [
        .scrollLines(1), .startNote, .skip, .undo, .startSearch, .previousItem, .toggleGuideline, .cycleFocus,
    ]
}
