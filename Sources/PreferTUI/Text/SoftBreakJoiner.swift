/// Joins the soft line breaks of Markdown paragraphs (CommonMark): a line that continues a
/// paragraph or list item becomes part of it, so the text reflows to the pane instead of
/// breaking where its author's editor did. Used for the guideline, which is prose written
/// by hand; responses keep their lines as the model wrote them.
///
/// Kept as written: blank lines, headings, rules, list markers (each item starts a line),
/// fenced code and indented code, lines holding a `|` (table rows), a change of block-quote
/// depth, and hard breaks — a line ending in two or more spaces or in a backslash (the
/// backslash is dropped, as CommonMark does).
enum SoftBreakJoiner {
    static func join(_ lines: [[Glyph]]) -> [[Glyph]] {
        var result: [[Glyph]] = []
        var fence: MarkdownSyntax.Fence?
        /// The last line of `result` is paragraph text that the next line may continue.
        var open = false
        var openQuoteDepth = 0
        var previousWasBlank = true
        for line in lines {
            let (depth, body) = MarkdownSyntax.stripQuotes(line[...], limit: Int.max)
            if let current = fence {
                let inner = body.dropFirst(min(current.indent, MarkdownSyntax.indent(of: body)))
                if MarkdownSyntax.closes(current, inner) { fence = nil }
                result.append(line)
                open = false
                previousWasBlank = false
                continue
            }
            if let opening = MarkdownSyntax.openingFence(body) {
                fence = opening
                result.append(line)
                open = false
                previousWasBlank = false
                continue
            }
            let blank = MarkdownSyntax.isBlank(body)
            let startsBlock = blank || MarkdownSyntax.heading(body) != nil || MarkdownSyntax.isRule(body)
                || MarkdownSyntax.listMarker(body) != nil || holdsPipe(body)
            let continues = open && depth == openQuoteDepth && !startsBlock
            let code = !continues && previousWasBlank && MarkdownSyntax.indent(of: body) >= 4
            var text = line[...]
            let hardBreak = !blank && endsInHardBreak(body)
            if hardBreak, body.last?.ascii == UInt8(ascii: "\\") { text = text.dropLast() }
            if continues, let last = result.popLast() {
                result.append(Array(MarkdownSyntax.trimmingTrailingSpaces(last[...])) + [Glyph.space]
                              + MarkdownSyntax.trimmingLeadingSpaces(dropQuotes(text, depth: depth)))
            } else {
                result.append(Array(text))
            }
            let isParagraphText = !blank && !code && MarkdownSyntax.heading(body) == nil
                && !MarkdownSyntax.isRule(body) && !holdsPipe(body)
            if !continues { openQuoteDepth = depth }
            open = isParagraphText && !hardBreak && (continues || !code)
            previousWasBlank = blank
        }
        return result
    }

    /// Two or more trailing spaces, or a trailing backslash: a hard line break.
    static func endsInHardBreak(_ line: ArraySlice<Glyph>) -> Bool {
        if line.last?.ascii == UInt8(ascii: "\\") { return true }
        return line.count - MarkdownSyntax.trimmingTrailingSpaces(line).count >= 2
    }

    /// A line with an ASCII `|` is taken for a table row and keeps its line.
    private static func holdsPipe(_ line: ArraySlice<Glyph>) -> Bool {
        line.contains { $0.ascii == UInt8(ascii: "|") }
    }

    /// The line without its `depth` block-quote markers (the joined line keeps the first's).
    private static func dropQuotes(_ line: ArraySlice<Glyph>, depth: Int) -> ArraySlice<Glyph> {
        MarkdownSyntax.stripQuotes(line, limit: depth).rest
    }
}
