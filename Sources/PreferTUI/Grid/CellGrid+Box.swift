/// Pane borders drawn with Unicode box-drawing characters (ncurses' ACS line characters
/// are not reachable from Swift, see NCURSES.md).
extension CellGrid {
    /// The line characters of a box.
    public enum BoxWeight: Sendable, Hashable {
        /// `┌─┐│└┘`, for panes without focus.
        case light
        /// `┏━┓┃┗┛`, for the focused pane (visible without colour).
        case heavy

        var characters: (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
                         horizontal: String, vertical: String) {
            switch self {
            case .light: return ("\u{250C}", "\u{2510}", "\u{2514}", "\u{2518}", "\u{2500}", "\u{2502}")
            case .heavy: return ("\u{250F}", "\u{2513}", "\u{2517}", "\u{251B}", "\u{2501}", "\u{2503}")
            }
        }
    }

    /// Draws a border around `rect` (clipped to the grid) with an optional title in the
    /// top edge (` title `, sanitized, shortened to fit); rectangles smaller than 2 × 2
    /// are left alone. The interior is not touched.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: TextStyle = .plain, weight: BoxWeight = .light) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let lines = weight.characters
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for col in (rect.x + 1)..<right {
            put(text: lines.horizontal, row: rect.y, col: col, maxWidth: 1, style: style)
            put(text: lines.horizontal, row: bottom, col: col, maxWidth: 1, style: style)
        }
        for row in (rect.y + 1)..<bottom {
            put(text: lines.vertical, row: row, col: rect.x, maxWidth: 1, style: style)
            put(text: lines.vertical, row: row, col: right, maxWidth: 1, style: style)
        }
        put(text: lines.topLeft, row: rect.y, col: rect.x, maxWidth: 1, style: style)
        put(text: lines.topRight, row: rect.y, col: right, maxWidth: 1, style: style)
        put(text: lines.bottomLeft, row: bottom, col: rect.x, maxWidth: 1, style: style)
        put(text: lines.bottomRight, row: bottom, col: right, maxWidth: 1, style: style)
        // The title needs a corner and one line character each side: `┌─ title ─┐`.
        if let title, rect.width >= 6 {
            put(text: " " + title + " ", row: rect.y, col: rect.x + 2, maxWidth: rect.width - 4, style: style)
        }
    }
}
