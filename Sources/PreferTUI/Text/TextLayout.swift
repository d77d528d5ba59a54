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

    /// Sanitizes `untrusted` and lays it out `width` columns wide; width ≤ 0 gives no lines.
    public static func layout(_ untrusted: String, width: Int, markdown: Bool,
                              joinSoftBreaks: Bool = false) -> LaidOutText {
        layout(Sanitizer.sanitize(untrusted), width: width, markdown: markdown, joinSoftBreaks: joinSoftBreaks)
    }

    /// Lays out text sanitized once, so a resize need not sanitize again.
    public static func layout(_ text: SanitizedText, width: Int, markdown: Bool,
                              joinSoftBreaks: Bool = false) -> LaidOutText {
        guard width > 0 else { return LaidOutText(lines: [], hiddenCount: text.hiddenCount) }
        var sourceLines = lines(of: text.glyphs)
        if markdown && joinSoftBreaks { sourceLines = SoftBreakJoiner.join(sourceLines) }
        var output: [StyledLine] = []
        output.reserveCapacity(sourceLines.count)
        if markdown {
            var renderer = MarkdownRenderer(width: width)
            for line in sourceLines { renderer.render(line[...]) }
            output = renderer.lines
        } else {
            let wrapper = LineWrapper(width: width)
            for line in sourceLines {
                output += wrapper.wrapWords(line.map { StyledGlyph($0) })
            }
        }
        return LaidOutText(lines: output, hiddenCount: text.hiddenCount)
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
