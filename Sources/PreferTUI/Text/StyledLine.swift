/// A run of sanitized text drawn in one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: TextStyle

    /// Creates a span; `text` must already be sanitized (the grid re-checks anyway).
    public init(_ text: String, style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One screen line of laid-out text: styled spans and their total display width.
public struct StyledLine: Sendable, Hashable {
    public var spans: [Span]
    /// Display columns the spans occupy.
    public var width: Int

    /// Creates a line and measures it.
    public init(spans: [Span]) {
        self.spans = spans
        self.width = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// Creates a line of one span.
    public init(_ text: String, style: TextStyle = .plain) {
        self.init(spans: text.isEmpty ? [] : [Span(text, style: style)])
    }

    /// An empty line (a paragraph break).
    public static let empty = StyledLine(spans: [])

    /// The characters of the line without styles, for search and tests.
    public var text: String { spans.map(\.text).joined() }

    /// Builds a line from styled glyphs, merging neighbours of equal style into one span.
    init(glyphs: [StyledGlyph]) {
        var spans: [Span] = []
        var width = 0
        for item in glyphs {
            width += item.glyph.width
            if let last = spans.indices.last, spans[last].style == item.style {
                spans[last].text += item.glyph.text
            } else {
                spans.append(Span(item.glyph.text, style: item.style))
            }
        }
        self.spans = spans
        self.width = width
    }
}

/// A glyph with the style layout gave it.
struct StyledGlyph: Sendable, Hashable {
    var glyph: Glyph
    var style: TextStyle

    init(_ glyph: Glyph, style: TextStyle = .plain) {
        self.glyph = glyph
        self.style = glyph.kind == .placeholder ? style.union(.placeholder) : style
    }

    /// Styled glyphs for trusted chrome text such as a list bullet or a gutter.
    static func chrome(_ text: String, style: TextStyle = .plain) -> [StyledGlyph] {
        Sanitizer.sanitize(text, mode: .singleLine).glyphs.map { StyledGlyph($0, style: style) }
    }
}
