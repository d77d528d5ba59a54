/// Inline Markdown: `**bold**`/`__bold__`, `*em*`/`_em_`, `` `code` `` and backslash
/// escapes, turned into styles with the markers dropped.
///
/// Emphasis follows CommonMark's delimiter-run rules (left/right flanking, no intraword
/// `_`, so `snake_case_names` stay literal) without the "multiple of 3" refinement;
/// unmatched markers stay as literal text.
enum InlineMarkdown {
    /// How inline code is drawn (markers dropped, so the style must set it apart).
    static let codeStyle: TextStyle = .underline

    /// Styles a line of glyphs; `base` is added to every glyph.
    static func parse(_ line: ArraySlice<Glyph>, base: TextStyle) -> [StyledGlyph] {
        var parser = InlineParser(line: Array(line))
        parser.scan()
        parser.matchEmphasis()
        return parser.emit(base: base)
    }
}

/// The working state of one inline parse: items (glyphs and delimiter runs) and the
/// emphasis ranges found.
private struct InlineParser {
    enum Item {
        case glyph(Glyph, style: TextStyle)
        case delimiter(Int)
    }

    struct Delimiter {
        var character: UInt8
        var glyph: Glyph
        var count: Int
        var canOpen: Bool
        var canClose: Bool
        var active = true
    }

    let line: [Glyph]
    var items: [Item] = []
    var delimiters: [Delimiter] = []
    /// Item index of each delimiter.
    var delimiterItems: [Int] = []
    /// Per item boundary: how many bold / italic ranges start (+1) or end (−1) there.
    var boldDelta: [Int] = []
    var italicDelta: [Int] = []

    init(line: [Glyph]) { self.line = line }

    private static let escapable = Set("\\`*_#[]()!<>{}-+.|~".utf8)

    mutating func scan() {
        var index = 0
        while index < line.count {
            let byte = line[index].ascii
            if byte == UInt8(ascii: "\\"), index + 1 < line.count, InlineParser.escapable.contains(line[index + 1].ascii) {
                items.append(.glyph(line[index + 1], style: []))
                index += 2
            } else if byte == UInt8(ascii: "`") {
                index = scanCode(from: index)
            } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") {
                index = scanDelimiterRun(from: index, character: byte)
            } else {
                items.append(.glyph(line[index], style: []))
                index += 1
            }
        }
    }

    /// A code span: a run of n backticks up to the next run of exactly n; without a
    /// closing run the backticks are literal.
    private mutating func scanCode(from start: Int) -> Int {
        let tick = UInt8(ascii: "`")
        let length = runLength(from: start, of: tick)
        var search = start + length
        while search < line.count {
            guard line[search].ascii == tick else {
                search += 1
                continue
            }
            let closing = runLength(from: search, of: tick)
            if closing == length {
                var content = line[(start + length)..<search]
                // One space inside each end is padding (`` ` `a` ` ``), unless all spaces.
                if content.count >= 2, content.first?.isSpace == true, content.last?.isSpace == true,
                   !content.allSatisfy(\.isSpace) {
                    content = content.dropFirst().dropLast()
                }
                for glyph in content { items.append(.glyph(glyph, style: InlineMarkdown.codeStyle)) }
                return search + closing
            }
            search += closing
        }
        for glyph in line[start..<(start + length)] { items.append(.glyph(glyph, style: [])) }
        return start + length
    }

    private mutating func scanDelimiterRun(from start: Int, character: UInt8) -> Int {
        let length = runLength(from: start, of: character)
        let before = start > 0 ? CharacterClass(line[start - 1]) : .whitespace
        let after = start + length < line.count ? CharacterClass(line[start + length]) : .whitespace
        let leftFlanking = after != .whitespace && (after != .punctuation || before != .other)
        let rightFlanking = before != .whitespace && (before != .punctuation || after != .other)
        let canOpen: Bool
        let canClose: Bool
        if character == UInt8(ascii: "*") {
            canOpen = leftFlanking
            canClose = rightFlanking
        } else {
            canOpen = leftFlanking && (!rightFlanking || before == .punctuation)
            canClose = rightFlanking && (!leftFlanking || after == .punctuation)
        }
        delimiterItems.append(items.count)
        items.append(.delimiter(delimiters.count))
        delimiters.append(Delimiter(character: character, glyph: line[start], count: length,
                                    canOpen: canOpen, canClose: canClose))
        return start + length
    }

    private func runLength(from start: Int, of byte: UInt8) -> Int {
        var end = start
        while end < line.count, line[end].ascii == byte { end += 1 }
        return end - start
    }

    /// Pairs closers with the nearest earlier opener of the same character; two markers
    /// each side make bold, one makes italic.
    mutating func matchEmphasis() {
        boldDelta = Array(repeating: 0, count: items.count + 1)
        italicDelta = Array(repeating: 0, count: items.count + 1)
        // Below this delimiter index no opener for the character exists any more.
        var bottom: [UInt8: Int] = [:]
        var closer = 0
        while closer < delimiters.count {
            let character = delimiters[closer].character
            guard delimiters[closer].canClose, delimiters[closer].active, delimiters[closer].count > 0 else {
                closer += 1
                continue
            }
            var opener = closer - 1
            let floor = bottom[character] ?? 0
            while opener >= floor {
                let candidate = delimiters[opener]
                if candidate.active, candidate.canOpen, candidate.count > 0, candidate.character == character { break }
                opener -= 1
            }
            guard opener >= floor else {
                bottom[character] = closer
                closer += 1
                continue
            }
            let used = delimiters[opener].count >= 2 && delimiters[closer].count >= 2 ? 2 : 1
            let from = delimiterItems[opener] + 1
            let to = delimiterItems[closer]
            if used == 2 {
                boldDelta[from] += 1
                boldDelta[to] -= 1
            } else {
                italicDelta[from] += 1
                italicDelta[to] -= 1
            }
            delimiters[opener].count -= used
            delimiters[closer].count -= used
            // Markers inside a matched pair can no longer pair with anything outside it.
            for inside in (opener + 1)..<closer { delimiters[inside].active = false }
            if delimiters[closer].count == 0 { closer += 1 }
        }
    }

    func emit(base: TextStyle) -> [StyledGlyph] {
        var result: [StyledGlyph] = []
        result.reserveCapacity(line.count)
        var bold = 0
        var italic = 0
        for (index, item) in items.enumerated() {
            bold += boldDelta[index]
            italic += italicDelta[index]
            var style = base
            if bold > 0 { style.insert(.bold) }
            if italic > 0 { style.insert(.italic) }
            switch item {
            case .glyph(let glyph, let extra):
                result.append(StyledGlyph(glyph, style: style.union(extra)))
            case .delimiter(let number):
                let delimiter = delimiters[number]
                for _ in 0..<delimiter.count { result.append(StyledGlyph(delimiter.glyph, style: style)) }
            }
        }
        return result
    }
}

/// How a neighbour of a delimiter run counts for the flanking rules.
private enum CharacterClass: Equatable {
    case whitespace, punctuation, other

    init(_ glyph: Glyph) {
        guard glyph.kind == .text, let scalar = glyph.text.unicodeScalars.first else {
            self = .other
            return
        }
        if scalar.properties.isWhitespace {
            self = .whitespace
        } else {
            self = scalar.properties.generalCategory.isPunctuationOrSymbol ? .punctuation : .other
        }
    }
}

private extension Unicode.GeneralCategory {
    /// CommonMark counts symbols such as `$` and `+` as punctuation too.
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
