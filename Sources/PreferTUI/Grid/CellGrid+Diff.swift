/// Comparing a grid with the previous frame, so the terminal repaints only what changed.
extension CellGrid {
    /// A run of changed cells in one row.
    public struct Change: Sendable, Hashable {
        public var row: Int
        /// Columns to repaint; never starts on a continuation cell or ends inside a pair.
        public var columns: Range<Int>

        /// Creates a change.
        public init(row: Int, columns: Range<Int>) {
            self.row = row
            self.columns = columns
        }
    }

    /// One run per changed row, from its first to its last differing cell, widened so it
    /// covers wide glyphs whole; every row in full when the sizes differ.
    public func changes(since previous: CellGrid?) -> [Change] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { Change(row: $0, columns: 0..<width) }
        }
        var result: [Change] = []
        for rowIndex in 0..<height {
            let base = rowIndex * width
            var first = -1
            var last = -1
            for col in 0..<width where cells[base + col] != previous.cells[base + col] {
                if first < 0 { first = col }
                last = col
            }
            guard first >= 0 else { continue }
            // A run starting on a continuation repaints its lead; one ending on a lead
            // repaints its continuation, so the terminal is never asked for half a glyph.
            if first > 0, cells[base + first].isContinuation { first -= 1 }
            if last + 1 < width, cells[base + last + 1].isContinuation { last += 1 }
            result.append(Change(row: rowIndex, columns: first..<(last + 1)))
        }
        return result
    }
}
