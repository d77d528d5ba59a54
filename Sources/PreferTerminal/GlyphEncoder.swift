import CNcursesw

/// The wide characters ncurses receives for one cell, and the columns ncurses will give them.
struct EncodedGlyph: Sendable, Equatable {
    /// One spacing character followed by at most `CCHARW_MAX - 1` non-spacing ones.
    var characters: [wchar_t]
    /// 1 or 2, as ncurses (glibc's wcwidth) measures it.
    var width: Int
    /// What goes in the second cell of a two-column grid glyph that ncurses measures as one
    /// column: the second half of a flag; nil for a blank.
    var trailing: [wchar_t]?

    init(characters: [wchar_t], width: Int, trailing: [wchar_t]? = nil) {
        self.characters = characters
        self.width = width
        self.trailing = trailing
    }

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
        // A flag is two regional indicators, one column each in glibc and tmux: one per
        // cell, sent one after the other, which is how a terminal that draws flags gets
        // the pair (and one that does not shows the two letters), never a `?`.
        if columns == 2, characters.count == 2, characters.allSatisfy(isRegionalIndicator) {
            return EncodedGlyph(characters: [characters[0]], width: 1, trailing: [characters[1]])
        }
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

    static func isRegionalIndicator(_ character: wchar_t) -> Bool {
        (0x1F1E6...0x1F1FF).contains(UInt32(bitPattern: character))
    }

    /// The scalar's value, or `?` for C0, DEL and C1 controls, which must never reach ncurses.
    static func safeValue(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { return 0x3F }
        return value
    }
}
