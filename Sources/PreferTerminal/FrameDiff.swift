/// Finds which part of each row changed between two frames of the same size.
enum FrameDiff {
    /// The columns of `row` to redraw, or nil when the row is unchanged.
    ///
    /// The span grows to cover whole wide glyphs on both frames: redrawing only half of a
    /// two-column glyph (or drawing over the old half of one) leaves ncurses and the terminal
    /// disagreeing about what is on screen.
    static func changedColumns(row: Int, previous: CellGrid, next: CellGrid) -> Range<Int>? {
        precondition(previous.width == next.width && previous.height == next.height,
                     "frames of different sizes are repainted in full, not diffed")
        let width = next.width
        let base = row * width
        var first = -1
        var last = -1
        for col in 0..<width where previous.cells[base + col] != next.cells[base + col] {
            if first < 0 { first = col }
            last = col
        }
        guard first >= 0 else { return nil }
        while first > 0 && (next.cells[base + first].isContinuation || previous.cells[base + first].isContinuation) {
            first -= 1
        }
        while last + 1 < width
            && (next.cells[base + last + 1].isContinuation || previous.cells[base + last + 1].isContinuation) {
            last += 1
        }
        return first..<(last + 1)
    }
}
