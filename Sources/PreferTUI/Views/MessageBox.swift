/// A centred bordered box of wrapped lines, drawn over whatever is below it; used for help,
/// the "all done" screen and fatal errors.
enum MessageBox {
    static func draw(title: String, lines: [String], in area: Rect, into grid: inout CellGrid) {
        guard area.width >= 8, area.height >= 3 else { return }
        let width = min(area.width, max(30, min(76, area.width - 4)))
        let textWidth = ScreenLayout.innerWidth(width)
        let body = lines.flatMap { TextLayout.layout($0, width: textWidth, markdown: false).lines }
        let height = min(area.height, body.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                        width: width, height: height)
        grid.fill(rect, with: .blank)
        grid.drawBox(rect, title: title, style: .bold, weight: .heavy)
        for (row, line) in body.prefix(max(0, height - 2)).enumerated() {
            grid.put(line, row: rect.y + 1 + row, col: rect.x + 2, maxWidth: textWidth, baseStyle: .plain)
        }
    }
}
