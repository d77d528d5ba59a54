/// Renders source lines of Markdown into screen lines, one line at a time, keeping the
/// block state (open list levels, an open code block, the quote depth) between lines.
struct MarkdownRenderer {
    /// One open list level: where its marker stood in the source and where its text
    /// starts on screen (continuation lines hang there).
    struct ListLevel {
        var markerIndent: Int
        var screenContent: Int
    }

    /// An open fenced code block and the prefix its lines are drawn with.
    struct OpenFence {
        var fence: MarkdownSyntax.Fence
        var quoteDepth: Int
        var prefix: [StyledGlyph]
    }

    let width: Int
    private(set) var lines: [StyledLine] = []
    private var lists: [ListLevel] = []
    private var quoteDepth = 0
    private var fence: OpenFence?
    private var lastWasBlank = true
    /// True after a paragraph or list item line, which an indented line continues
    /// rather than starting a code block.
    private var paragraphOpen = false
    /// How the last source line was drawn, so a further piece of it (a line longer than
    /// `TextLayout.pieceBytes`) goes on in the same way.
    private var continuation = Continuation(prefix: [], verbatimStyle: nil, base: .plain)

    /// The prefix of the last line's continuation lines and whether it was verbatim (code,
    /// with that style) or wrapped text with inline Markdown on `base`.
    struct Continuation {
        var prefix: [StyledGlyph]
        var verbatimStyle: TextStyle?
        var base: TextStyle
    }

    static let continuationMark = StyledGlyph.chrome("\u{21AA}", style: .dim)
    static let gutter = StyledGlyph.chrome("\u{2502} ", style: .dim)
    static let codeFenceStyle: TextStyle = .dim

    init(width: Int) { self.width = width }

    /// Renders a further piece of the last source line: on new screen lines, with the
    /// prefix and kind (verbatim or wrapped) of that line, never read as a new block.
    mutating func continueLine(_ piece: ArraySlice<Glyph>) {
        let open = continuation
        if let style = open.verbatimStyle {
            emitVerbatim(piece, prefix: open.prefix, style: style)
        } else {
            // The piece was cut at a space where one was near: that space is a line break
            // now, dropped as word wrap drops the space it breaks at.
            let content = InlineMarkdown.parse(piece.drop(while: \.isSpace), base: open.base)
            emitWords(content, first: open.prefix, rest: open.prefix, base: open.base)
        }
    }

    mutating func render(_ line: ArraySlice<Glyph>) {
        if renderInsideFence(line) { return }
        let (depth, rest) = MarkdownSyntax.stripQuotes(line, limit: Int.max)
        if depth != quoteDepth {
            quoteDepth = depth
            lists = []
            lastWasBlank = true
            paragraphOpen = false
        }
        let gutter = Array(repeatElement(MarkdownRenderer.gutter, count: depth).joined())
        renderBlock(rest, gutter: gutter)
    }

    /// Handles a line while a fenced code block is open; false when the line is not part
    /// of it (the quote that held the fence has ended).
    private mutating func renderInsideFence(_ line: ArraySlice<Glyph>) -> Bool {
        guard let open = fence else { return false }
        let (depth, rest) = MarkdownSyntax.stripQuotes(line, limit: open.quoteDepth)
        guard depth == open.quoteDepth else {
            fence = nil
            return false
        }
        let body = rest.dropFirst(min(open.fence.indent, MarkdownSyntax.indent(of: rest)))
        if MarkdownSyntax.closes(open.fence, body) {
            fence = nil
            emitVerbatim(body, prefix: open.prefix, style: MarkdownRenderer.codeFenceStyle)
        } else {
            emitVerbatim(body, prefix: open.prefix, style: .plain)
        }
        return true
    }

    private mutating func renderBlock(_ line: ArraySlice<Glyph>, gutter: [StyledGlyph]) {
        if MarkdownSyntax.isBlank(line) {
            emitWords([], first: gutter, rest: [], base: .plain)
            lastWasBlank = true
            paragraphOpen = false
            return
        }
        let indent = MarkdownSyntax.indent(of: line)
        defer { lastWasBlank = false }
        if lists.isEmpty, indent >= 4, !paragraphOpen {
            emitVerbatim(line, prefix: gutter, style: .plain)
            return
        }
        paragraphOpen = false
        if let open = MarkdownSyntax.openingFence(line) {
            let prefix = gutter + hangingIndent(forIndent: indent)
            fence = OpenFence(fence: open, quoteDepth: quoteDepth, prefix: prefix)
            emitVerbatim(line.dropFirst(indent), prefix: prefix, style: MarkdownRenderer.codeFenceStyle)
        } else if MarkdownSyntax.isRule(line) {
            lists = []
            let rule = String(repeating: "\u{2500}", count: max(1, width - DisplayWidth.of(gutter)))
            emit(LineWrapper(width: width, firstPrefix: gutter).hardBreak(StyledGlyph.chrome(rule, style: .dim), mark: []))
            continuation = Continuation(prefix: gutter, verbatimStyle: nil, base: .plain)
        } else if let heading = MarkdownSyntax.heading(line) {
            lists = []
            let content = InlineMarkdown.parse(heading.content, base: .bold)
            emitWords(content, first: gutter, rest: gutter, base: .bold)
        } else if let marker = MarkdownSyntax.listMarker(line) {
            renderListItem(line, marker: marker, gutter: gutter)
            paragraphOpen = true
        } else {
            paragraphOpen = true
            let prefix = gutter + hangingIndent(forIndent: indent)
            let content = InlineMarkdown.parse(line.dropFirst(indent), base: .plain)
            emitWords(content, first: prefix, rest: prefix, base: .plain)
        }
    }

    private mutating func renderListItem(_ line: ArraySlice<Glyph>, marker: MarkdownSyntax.ListMarker, gutter: [StyledGlyph]) {
        // A marker indented at least two columns past the last level's marker nests
        // under it; anything less closes levels until it is a sibling.
        while let last = lists.last, marker.indent < last.markerIndent + 2 { lists.removeLast() }
        let screenIndent = lists.last?.screenContent ?? 0
        let markerWidth = DisplayWidth.of(marker.display)
        lists.append(ListLevel(markerIndent: marker.indent, screenContent: screenIndent + markerWidth + 1))
        let first = gutter + spaces(screenIndent) + StyledGlyph.chrome(marker.display + " ")
        let rest = gutter + spaces(screenIndent + markerWidth + 1)
        let content = InlineMarkdown.parse(line[marker.contentStart...], base: .plain)
        emitWords(content, first: first, rest: rest, base: .plain)
    }

    /// The indent for a non-item line: under the deepest list item it continues (indented
    /// at least two past that item's marker, or directly after it with no blank line);
    /// a line after a blank line that is not indented ends the list.
    private mutating func hangingIndent(forIndent indent: Int) -> [StyledGlyph] {
        guard !lists.isEmpty else { return [] }
        if let level = lists.last(where: { indent >= $0.markerIndent + 2 }) {
            return spaces(level.screenContent)
        }
        if !lastWasBlank, let level = lists.last {
            return spaces(level.screenContent)
        }
        lists = []
        return []
    }

    private mutating func emitVerbatim(_ content: ArraySlice<Glyph>, prefix: [StyledGlyph], style: TextStyle) {
        let wrapper = LineWrapper(width: width, firstPrefix: prefix, restPrefix: prefix)
        emit(wrapper.hardBreak(content.map { StyledGlyph($0, style: style) }, mark: MarkdownRenderer.continuationMark))
        continuation = Continuation(prefix: prefix, verbatimStyle: style, base: .plain)
    }

    private mutating func emitWords(_ content: [StyledGlyph], first: [StyledGlyph], rest: [StyledGlyph], base: TextStyle) {
        emit(LineWrapper(width: width, firstPrefix: first, restPrefix: rest).wrapWords(content))
        continuation = Continuation(prefix: rest, verbatimStyle: nil, base: base)
    }

    private mutating func emit(_ produced: [StyledLine]) {
        lines.append(contentsOf: produced)
    }

    /// The screen lines rendered since the last call, handed over so the renderer keeps
    /// only its block state (a lazy layout saves that state between blocks).
    mutating func takeLines() -> [StyledLine] {
        defer { lines = [] }
        return lines
    }

    private func spaces(_ count: Int) -> [StyledGlyph] {
        Array(repeating: StyledGlyph(.space), count: max(0, count))
    }
}

private extension DisplayWidth {
    static func of(_ glyphs: [StyledGlyph]) -> Int {
        glyphs.reduce(0) { $0 + $1.glyph.width }
    }
}
