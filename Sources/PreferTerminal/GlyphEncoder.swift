import CNcursesw

/// The wide characters ncurses receives for one cell, and the columns ncurses will give them.
struct EncodedGlyph: Sendable, Equatable {
    /// One spacing character followed by at most `CCHARW_MAX - 1` non-spacing ones.
    var characters: [wchar_t]
    /// 1 or 2, as ncurses (glibc's wcwidth) measures it.
    var width: Int

    static let questionMark = EncodedGlyph(characters: [wchar_t(0x3F)], width: 1)
    static let space = EncodedGlyph(characters: [wchar_t(0x20)], width: 1)
}

/// Prepares a cell's glyph for `setcchar`, never letting a control character through.
///
/// Cells hold sanitized glyphs already; this is defence in depth, and it also keeps the grid
/// and ncurses agreeing on widths so a glyph can never push the rest of a row sideways.
enum GlyphEncoder {
    /// How many characters a `cchar_t` holds (CCHARW_MAX in curses.h).
    static let maximumCharacters = 5

    /// Encodes `glyph` for a cell the grid gave `columns` columns (1, or 2 for a wide lead).
    static func encode(_ glyph: String, columns: Int) -> EncodedGlyph {
        let characters = glyph.unicodeScalars.map { wchar_t(bitPattern: safeValue($0)) }
        guard let first = characters.first else { return .space }
        let width = Int(wcwidth(first))
        // Unprintable in this locale, or wider than its cell: it would overwrite its neighbour.
        guard width >= 1, width <= columns else { return .questionMark }
        // setcchar accepts one spacing character followed only by non-spacing ones.
        let rest = characters.dropFirst()
        guard rest.allSatisfy({ wcwidth($0) == 0 }), characters.count <= maximumCharacters else {
            return .questionMark
        }
        return EncodedGlyph(characters: characters, width: width)
    }

    /// The scalar's value, or `?` for C0, DEL and C1 controls, which must never reach ncurses.
    static func safeValue(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { return 0x3F }
        return value
    }
}
