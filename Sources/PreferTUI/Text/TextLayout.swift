/// Lays untrusted text out for a pane: sanitize, split into lines, expand tabs, then
/// wrap (plain) or render a Markdown subset (headings, lists with hanging indent, code
/// blocks kept verbatim, block quotes, emphasis) into styled screen lines.
///
/// Each source line stays a line of its own (no joining of soft line breaks): raters
/// should see a response's lines as the model wrote them, only wrapped to fit. The
/// guideline, prose wrapped by hand, asks for `joinSoftBreaks` (see `SoftBreakJoiner`).
public enum TextLayout {
    /// Tabs advance to the next multiple of this many columns of their source line.
    public static let tabStop = 4

    /// Sanitizes `untrusted` and lays it all out `width` columns wide; width ≤ 0 gives no
    /// lines. Panes use `LazyLayout` itself, which lays out only the lines on screen.
    public static func layout(_ untrusted: String, width: Int, markdown: Bool,
                              joinSoftBreaks: Bool = false) -> LaidOutText {
        LazyLayout(untrusted, width: width, markdown: markdown, joinSoftBreaks: joinSoftBreaks).laidOutText
    }

    /// Splits glyphs at line breaks and replaces each tab by spaces up to the next stop;
    /// a trailing line break does not open an extra empty line.
    static func lines(of glyphs: [Glyph]) -> [[Glyph]] {
        var result: [[Glyph]] = []
        var current: [Glyph] = []
        var column = 0
        for glyph in glyphs {
            switch glyph.kind {
            case .newline:
                result.append(current)
                current = []
                column = 0
            case .tab:
                let spaces = tabStop - column % tabStop
                current.append(contentsOf: repeatElement(Glyph.space, count: spaces))
                column += spaces
            case .text, .placeholder:
                current.append(glyph)
                column += glyph.width
            }
        }
        if !current.isEmpty || result.isEmpty { result.append(current) }
        return result
    }
}
