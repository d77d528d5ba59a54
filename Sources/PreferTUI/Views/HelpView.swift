/// The `?` help, generated from the key table.
enum HelpView {
    static func draw(_ keyMap: KeyMap, footer: String = "Every label is saved the moment you choose. Any key closes this help.",
                     in area: Rect, into grid: inout CellGrid) {
        let keyColumn = keyMap.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
        var lines = keyMap.bindings.map { binding in
            binding.keyLabel + String(repeating: " ", count: keyColumn - DisplayWidth.of(binding.keyLabel) + 2)
                + binding.help
        }
        lines.append("")
        lines.append(footer)
        grid.fill(area, with: .blank)
        MessageBox.draw(title: "Keys", lines: lines, in: area, into: &grid)
    }
}
