/// Untrusted text turned into glyphs that are safe to draw, with the number of hidden
/// characters it held (for the `hidden chars: N` badge).
public struct SanitizedText: Sendable, Hashable {
    /// The glyphs in order; placeholders are marked so they can be drawn `.placeholder`.
    public var glyphs: [Glyph]
    /// How many hidden or control characters the input held (each shown as a placeholder,
    /// except surplus combining marks, which are dropped): the `hidden chars: N` badge.
    public var hiddenCount: Int

    /// Creates sanitized text from glyphs (normally only `Sanitizer` does this).
    public init(glyphs: [Glyph], hiddenCount: Int) {
        self.glyphs = glyphs
        self.hiddenCount = hiddenCount
    }

    /// The text as drawn, newlines and tabs as `\n` and `\t` (placeholders unmarked).
    public var string: String {
        var result = ""
        result.reserveCapacity(glyphs.count)
        for glyph in glyphs {
            switch glyph.kind {
            case .text, .placeholder: result += glyph.text
            case .newline: result += "\n"
            case .tab: result += "\t"
            }
        }
        return result
    }

    /// The display width of single-line text (newlines and tabs count 0).
    public var width: Int {
        glyphs.reduce(0) { $0 + $1.width }
    }

    /// The text as styled spans: placeholders get `.placeholder` added to `style`.
    public func spans(style: TextStyle = .plain) -> [Span] {
        var spans: [Span] = []
        for glyph in glyphs where glyph.kind == .text || glyph.kind == .placeholder {
            let glyphStyle = glyph.kind == .placeholder ? style.union(.placeholder) : style
            if let last = spans.indices.last, spans[last].style == glyphStyle {
                spans[last].text += glyph.text
            } else {
                spans.append(Span(glyph.text, style: glyphStyle))
            }
        }
        return spans
    }
}
