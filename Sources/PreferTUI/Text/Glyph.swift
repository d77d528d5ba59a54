/// One unit of sanitized text as the screen draws it: a spacing character with its
/// combining marks (at most one terminal cell pair), one character of a placeholder, or
/// a line break / tab that layout resolves.
///
/// Glyphs, not Swift `Character`s, are the unit of layout: a Swift grapheme such as a
/// skin-toned emoji spans two spacing scalars, and ncurses and tmux give each its own
/// cells, so the grid must too.
public struct Glyph: Sendable, Hashable {
    /// What a glyph stands for.
    public enum Kind: Sendable, Hashable {
        /// Text from the input, safe to draw as is.
        case text
        /// Part of a visible stand-in for a hidden or control character (drawn `.placeholder`).
        case placeholder
        /// A line break (`\n` or `\r\n`); only in multi-line sanitizing.
        case newline
        /// A tab; layout expands it to the next tab stop.
        case tab
    }

    /// The characters drawn; empty for `.newline` and `.tab`.
    public var text: String
    /// Display columns: 1 or 2 for text and placeholders, 0 for `.newline` and `.tab`.
    public var width: Int
    public var kind: Kind

    /// Creates a glyph; `width` must be what `DisplayWidth` says for `text`.
    public init(_ text: String, width: Int, kind: Kind = .text) {
        self.text = text
        self.width = width
        self.kind = kind
    }

    /// The single ASCII byte this glyph is, for Markdown syntax checks; 0 for anything
    /// else, including placeholders, so a placeholder `␛` can never act as syntax.
    var ascii: UInt8 {
        guard kind == .text else { return 0 }
        let utf8 = text.utf8
        guard utf8.count == 1, let byte = utf8.first, byte < 0x80 else { return 0 }
        return byte
    }

    /// True for a plain space (the only character word wrapping breaks at).
    var isSpace: Bool { kind == .text && text == " " }

    static let newline = Glyph("", width: 0, kind: .newline)
    static let tab = Glyph("", width: 0, kind: .tab)
    static let space = Glyph(" ", width: 1)
}
