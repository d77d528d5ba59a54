import CNcursesw
import PreferTUI

extension Terminal {
    /// Draws `grid`, sending only the cells that changed since the last frame.
    public func present(_ grid: CellGrid) {
        // A malformed grid is a bug upstream; crashing here would strand the rater's terminal.
        if isInactive || grid.width < 0 || grid.height < 0 || grid.cells.count != grid.width * grid.height { return }
        let visibleRows = min(grid.height, Int(getmaxy(window)))
        let visibleCols = min(grid.width, Int(getmaxx(window)))
        let previous = previousFrame.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        let everything = repaintEverything || previous == nil
        if everything {
            werase(window)
            // clearok on the window carries over to the physical screen at doupdate.
            if clearPhysicalScreen { clearok(window, true) }
        }
        // The grid's own diff widens each run to whole wide glyphs, so half a glyph is never redrawn.
        for change in grid.changes(since: everything ? nil : previous) where change.row < visibleRows {
            draw(grid, row: change.row, columns: change.columns.clamped(to: 0..<visibleCols), visibleCols: visibleCols)
        }
        previousFrame = grid
        repaintEverything = false
        clearPhysicalScreen = false
        wnoutrefresh(window)
        doupdate()
    }

    /// Draws one run of a row; wide glyphs take their continuation cell with them.
    private func draw(_ grid: CellGrid, row: Int, columns: Range<Int>, visibleCols: Int) {
        let base = row * grid.width
        var col = columns.lowerBound
        while col < columns.upperBound {
            let cell = grid.cells[base + col]
            if cell.isContinuation {
                // Only reached for a continuation without a wide lead before it: keep it blank.
                put(.space, style: cell.style, row: row, col: col)
                col += 1
                continue
            }
            let isWide = col + 1 < grid.width && grid.cells[base + col + 1].isContinuation
            guard isWide else {
                put(GlyphEncoder.encode(cell.glyph, columns: 1), style: cell.style, row: row, col: col)
                col += 1
                continue
            }
            if col + 1 >= visibleCols {
                // A wide glyph in the last visible column would wrap onto the next row.
                put(.space, style: cell.style, row: row, col: col)
            } else {
                let encoded = GlyphEncoder.encode(cell.glyph, columns: 2)
                put(encoded, style: cell.style, row: row, col: col)
                // ncurses measured it narrower than the grid did: fill the cell it leaves over
                // (the second half of a flag) or blank it.
                if encoded.width == 1 {
                    let second = encoded.trailing.map { EncodedGlyph(characters: $0, width: 1) } ?? .space
                    put(second, style: cell.style, row: row, col: col + 1)
                }
            }
            col += 2
        }
    }

    /// Writes one cell; ncurses returns ERR for the bottom-right cell (the cursor cannot
    /// advance past it) although the cell is written, so results are ignored.
    private func put(_ glyph: EncodedGlyph, style: TextStyle, row: Int, col: Int) {
        var character = cchar_t()
        let characters = glyph.characters + [0]
        let pair: Int16 = colorsEnabled && style.contains(.accent) ? 1 : 0
        _ = characters.withUnsafeBufferPointer { buffer in
            setcchar(&character, buffer.baseAddress, Self.attributes(for: style), pair, nil)
        }
        _ = mvwadd_wch(window, Int32(row), Int32(col), &character)
    }

    /// The ncurses attributes for a style; every distinction is legible without colour.
    nonisolated static func attributes(for style: TextStyle) -> attr_t {
        var attributes = prefer_a_normal()
        if style.contains(.bold) { attributes |= prefer_a_bold() }
        if style.contains(.reverse) || style.contains(.placeholder) { attributes |= prefer_a_reverse() }
        if style.contains(.underline) || style.contains(.italic) { attributes |= prefer_a_underline() }
        if style.contains(.dim) { attributes |= prefer_a_dim() }
        return attributes
    }
}
