/// One terminal cell of a `CellGrid`.
///
/// A wide glyph (CJK, emoji) occupies a lead cell holding the glyph and a continuation
/// cell holding nothing, so every row has exactly `width` cells and diffing stays simple.
public struct Cell: Sendable, Hashable {
    /// The sanitized glyph (one grapheme), `" "` for blank, `""` for a continuation cell.
    public var glyph: String
    public var style: TextStyle

    public init(_ glyph: String = " ", style: TextStyle = .plain) {
        self.glyph = glyph
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a two-column glyph.
    public static let continuation = Cell("")

    public var isContinuation: Bool { glyph.isEmpty }
}
