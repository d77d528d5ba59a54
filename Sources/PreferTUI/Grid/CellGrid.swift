/// A screen as a grid of cells that views render into and the terminal paints, so whole
/// screens can be compared to literal rows in tests.
///
/// Invariant: a two-column glyph is a lead cell immediately followed by a continuation
/// cell; writes that would break a pair blank its other half, so no orphan half survives.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// Creates a grid of `width` × `height` cells (negative sizes count as 0).
    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at `row`, `col`; setting a cell keeps wide pairs whole (see the type).
    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * width + col] }
        set { set(newValue, row: row, col: col) }
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * width)..<((row + 1) * width)]
    }

    /// Writes a laid-out line at `row`, `col`, clipped to `maxWidth` columns and the grid;
    /// `baseStyle` is added to every span; returns the columns written.
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, col: Int, maxWidth: Int, baseStyle: TextStyle = .plain) -> Int {
        var column = col
        let limit = min(col + maxWidth, width)
        guard row >= 0, row < height, col >= 0 else { return 0 }
        for span in line.spans {
            // Sanitized again on purpose: the grid is the last stop before the terminal,
            // and for clean text this only splits it into glyphs.
            let style = span.style.union(baseStyle)
            for glyph in Sanitizer.sanitize(span.text, mode: .singleLine).glyphs {
                guard column < limit else { return column - col }
                let glyphStyle = glyph.kind == .placeholder ? style.union(.placeholder) : style
                if column + glyph.width > limit {
                    // A wide glyph with one column left: a space, never half a glyph.
                    set(Cell(" ", style: glyphStyle), row: row, col: column)
                    return column + 1 - col
                }
                set(Cell(glyph.text, style: glyphStyle), row: row, col: column)
                if glyph.width == 2 { set(Cell("", style: glyphStyle), row: row, col: column + 1) }
                column += glyph.width
            }
        }
        return column - col
    }

    /// Writes untrusted or chrome text as one line (controls and newlines become
    /// placeholders); returns the columns written.
    @discardableResult
    public mutating func put(text: String, row: Int, col: Int, maxWidth: Int, style: TextStyle = .plain) -> Int {
        put(StyledLine(spans: [Span(text, style: style)]), row: row, col: col, maxWidth: maxWidth)
    }

    /// Sets every cell of `rect` (clipped to the grid) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<(area.y + area.height) {
            for col in area.x..<(area.x + area.width) { set(cell, row: row, col: col) }
        }
    }

    /// The rows as strings, continuation cells skipped, so a test can compare a screen
    /// to literal text.
    public func rows() -> [String] {
        (0..<height).map { row in
            var text = ""
            for cell in self.row(row) where !cell.isContinuation { text += cell.glyph }
            return text
        }
    }

    /// Writes one cell, blanking the other half of any wide pair the write cuts through.
    private mutating func set(_ cell: Cell, row: Int, col: Int) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        let index = row * width + col
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, col > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !old.isContinuation, col + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
