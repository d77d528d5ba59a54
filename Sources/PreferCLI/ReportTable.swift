import PreferTUI

/// A table for the text report: columns padded by display width (so CJK names line up),
/// numbers right-aligned, an optional colour per row.
struct ReportTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// ANSI SGR code per row (e.g. "33" for yellow), used only when colour is on.
    var rowColors: [String?] = []

    init(_ headers: [String], _ alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    mutating func add(_ cells: [String], color: String? = nil) {
        rows.append(cells)
        rowColors.append(color)
    }

    /// The table as lines indented by `indent`, headers underlined with `─`.
    func render(indent: String = "  ", color: Bool) -> [String] {
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, cell) in cells.enumerated() where k < widths.count {
                let pad = String(repeating: " ", count: widths[k] - DisplayWidth.of(cell))
                let last = k == cells.count - 1
                switch alignments[k] {
                case .left: parts.append(last ? cell : cell + pad)
                case .right: parts.append(pad + cell)
                }
            }
            return indent + parts.joined(separator: "  ")
        }
        var out = [line(headers), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for (row, code) in zip(rows, rowColors) {
            let text = line(row)
            if color, let code {
                out.append("\u{1B}[\(code)m" + text + "\u{1B}[0m")
            } else {
                out.append(text)
            }
        }
        return out
    }
}

extension Array {
    /// The array with `items` inserted at `index` (for optional table columns).
    func inserting(_ items: [Element], at index: Int) -> [Element] {
        var copy = self
        copy.insert(contentsOf: items, at: index)
        return copy
    }
}
