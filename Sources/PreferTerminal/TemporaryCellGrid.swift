import PreferTUI

// TEMPORARY: stands in for PreferTUI's CellGrid until the branches merge; the integrator deletes
// this file. Terminal uses only width, height, cells and the subscript.

/// A screen-sized, row-major grid of cells (temporary copy of PreferTUI's shape).
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var cells: [Cell]

    /// Creates a grid from row-major cells.
    public init(width: Int, height: Int, cells: [Cell]) {
        self.width = width
        self.height = height
        self.cells = cells
    }

    public subscript(row: Int, col: Int) -> Cell { cells[row * width + col] }
}
