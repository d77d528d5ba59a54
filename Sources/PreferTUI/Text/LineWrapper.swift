/// Breaks one logical line of styled glyphs into screen lines of at most `width` columns.
///
/// Every screen line starts with a prefix (a list bullet and indent, a quote gutter); the
/// first line may have its own. A prefix never takes the last column: it is clipped so at
/// least one column is left for text, and every screen line takes at least one glyph, so
/// any width ≥ 1 terminates. A two-column glyph never starts in the last column; where
/// not even one fits (a one-column pane) it is shown as a `?` placeholder.
struct LineWrapper {
    let width: Int
    let firstPrefix: [StyledGlyph]
    let restPrefix: [StyledGlyph]

    init(width: Int, firstPrefix: [StyledGlyph] = [], restPrefix: [StyledGlyph] = []) {
        self.width = width
        self.firstPrefix = LineWrapper.clip(firstPrefix, to: width - 1)
        self.restPrefix = LineWrapper.clip(restPrefix, to: width - 1)
    }

    /// Word wrap: breaks at spaces, drops the spaces at a break, keeps leading indentation
    /// of the first line, and breaks words longer than a whole line.
    func wrapWords(_ content: [StyledGlyph]) -> [StyledLine] {
        var output = Output(wrapper: self)
        var index = 0
        var pendingSpaces: [StyledGlyph] = []
        var pendingWidth = 0
        while index < content.count {
            if content[index].glyph.isSpace {
                if output.hasContent || output.lines.isEmpty {
                    pendingSpaces.append(content[index])
                    pendingWidth += 1
                }
                index += 1
                continue
            }
            var end = index
            var wordWidth = 0
            while end < content.count, !content[end].glyph.isSpace {
                wordWidth += content[end].glyph.width
                end += 1
            }
            let word = content[index..<end]
            index = end
            if output.column + pendingWidth + wordWidth <= width {
                output.append(contentsOf: pendingSpaces)
                output.append(contentsOf: word)
            } else if output.hasContent && restPrefixWidth + wordWidth <= width {
                output.breakLine()
                output.append(contentsOf: word)
            } else {
                // Longer than a line: fill what is left of this line, then break inside it.
                if output.column + pendingWidth < width {
                    output.append(contentsOf: pendingSpaces)
                } else if output.hasContent {
                    output.breakLine()
                }
                for item in word { output.place(item, continuation: []) }
            }
            pendingSpaces.removeAll(keepingCapacity: true)
            pendingWidth = 0
        }
        return output.finish()
    }

    /// Hard break for verbatim text (code): every glyph and space kept, continuation
    /// lines start with `mark` (e.g. `↪`) when there is room for it and one more column.
    func hardBreak(_ content: [StyledGlyph], mark: [StyledGlyph]) -> [StyledLine] {
        let markWidth = mark.reduce(0) { $0 + $1.glyph.width }
        let continuation = restPrefixWidth + markWidth < width ? mark : []
        var output = Output(wrapper: self)
        for item in content { output.place(item, continuation: continuation) }
        return output.finish()
    }

    private var restPrefixWidth: Int { restPrefix.reduce(0) { $0 + $1.glyph.width } }

    /// Keeps the leading glyphs of `prefix` that fit in `limit` columns.
    static func clip(_ prefix: [StyledGlyph], to limit: Int) -> [StyledGlyph] {
        var used = 0
        var result: [StyledGlyph] = []
        for item in prefix {
            guard used + item.glyph.width <= limit else { break }
            used += item.glyph.width
            result.append(item)
        }
        return result
    }
}

/// The screen lines being produced and the one under construction.
private struct Output {
    let wrapper: LineWrapper
    var lines: [StyledLine] = []
    var current: [StyledGlyph]
    var column: Int
    /// True once the current line holds more than its prefix.
    var hasContent = false

    init(wrapper: LineWrapper) {
        self.wrapper = wrapper
        current = wrapper.firstPrefix
        column = current.reduce(0) { $0 + $1.glyph.width }
    }

    mutating func append(contentsOf items: some Sequence<StyledGlyph>) {
        for item in items {
            current.append(item)
            column += item.glyph.width
            hasContent = true
        }
    }

    /// Places one glyph, breaking first if it does not fit; a fresh line always takes it.
    mutating func place(_ item: StyledGlyph, continuation: [StyledGlyph]) {
        if column + item.glyph.width > wrapper.width && hasContent {
            breakLine()
            append(contentsOf: continuation)
            hasContent = !continuation.isEmpty ? false : hasContent
        }
        if column + item.glyph.width > wrapper.width {
            // Wider than the whole remaining line (a wide glyph in a one-column space).
            let substitute = Glyph("?", width: 1, kind: .placeholder)
            append(contentsOf: [StyledGlyph(substitute, style: item.style)])
        } else {
            append(contentsOf: [item])
        }
    }

    mutating func breakLine() {
        lines.append(StyledLine(glyphs: current))
        current = wrapper.restPrefix
        column = current.reduce(0) { $0 + $1.glyph.width }
        hasContent = false
    }

    mutating func finish() -> [StyledLine] {
        // Trailing prefix spaces would only pad a blank line; drop them.
        while let last = current.last, last.glyph.isSpace, !hasContent {
            current.removeLast()
        }
        lines.append(StyledLine(glyphs: current))
        return lines
    }
}
