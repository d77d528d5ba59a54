/// Shown below the minimum size instead of a garbled layout; labeling keys do nothing then.
enum TooSmallView {
    static func draw(into grid: inout CellGrid, size: TerminalSize) {
        let need = ScreenLayout.minimumSize
        let message = "Terminal too small: \(size.cols)×\(size.rows), need \(need.cols)×\(need.rows). "
            + "Enlarge the window to go on; keys other than q do nothing."
        let lines = TextLayout.layout(message, width: size.cols, markdown: false).lines
        for (row, line) in lines.prefix(size.rows).enumerated() {
            grid.put(line, row: row, col: 0, maxWidth: size.cols, baseStyle: .bold)
        }
    }
}
