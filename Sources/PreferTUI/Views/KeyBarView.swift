/// The bottom row: the key bar, generated from the same table that dispatches keys. When the
/// row is too narrow, the least needed entries go first, so the choices, `?` and `q` stay.
enum KeyBarView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, with: Cell(" ", style: .reverse))
        var entries = KeyMap(scale: state.config.scale).barBindings(in: state.keyContext).compactMap { binding in
            binding.barLabel.map { Entry(key: " " + binding.keyLabel, label: " " + $0 + " ", command: binding.command) }
        }
        for command in droppedFirst where entries.reduce(0, { $0 + $1.width }) > rect.width {
            entries.removeAll { $0.command == command }
        }
        var col = rect.x
        let end = rect.x + rect.width
        for entry in entries where col + entry.width <= end {
            col += grid.put(text: entry.key, row: rect.y, col: col, maxWidth: end - col, style: [.reverse, .bold])
            col += grid.put(text: entry.label, row: rect.y, col: col, maxWidth: end - col, style: .reverse)
        }
    }

    private struct Entry {
        var key: String
        var label: String
        var command: Command
        var width: Int { DisplayWidth.of(key) + DisplayWidth.of(label) }
    }

    /// Entries left out of a narrow bar, in this order; `?` lists them all anyway.
    private static let droppedFirst: [Command] = [
        .scrollLines(1), .cycleFocus, .startSearch, .toggleGuideline, .startNote, .skip, .undo,
    ]
}
