/// Recognizes the Markdown block syntax of one source line (a subset of CommonMark:
/// ATX headings, rules, list items, fences, block quotes); only ASCII text glyphs count,
/// so a placeholder can never act as syntax.
enum MarkdownSyntax {
    /// A list item marker: where it stands, what it shows, and where its text begins.
    struct ListMarker: Equatable {
        /// Leading spaces before the marker.
        var indent: Int
        /// The marker as drawn: `•` for `-`, `*`, `+`; the number as written (`12.`).
        var display: String
        /// Index in the line of the first glyph of the item's text.
        var contentStart: Int
    }

    /// An opening code fence.
    struct Fence: Equatable {
        var character: UInt8
        var count: Int
        var indent: Int
    }

    static let space = UInt8(ascii: " ")

    /// The number of leading spaces.
    static func indent(of line: ArraySlice<Glyph>) -> Int {
        var count = 0
        for glyph in line {
            guard glyph.ascii == space else { break }
            count += 1
        }
        return count
    }

    /// The line without its leading spaces.
    static func trimmingLeadingSpaces(_ line: ArraySlice<Glyph>) -> ArraySlice<Glyph> {
        line.dropFirst(indent(of: line))
    }

    /// The line without its trailing spaces.
    static func trimmingTrailingSpaces(_ line: ArraySlice<Glyph>) -> ArraySlice<Glyph> {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1].ascii == space { end -= 1 }
        return line[line.startIndex..<end]
    }

    /// True for a line of nothing but spaces.
    static func isBlank(_ line: ArraySlice<Glyph>) -> Bool {
        line.allSatisfy { $0.ascii == space }
    }

    /// Strips up to `limit` block-quote markers (`>` with up to three spaces before and
    /// one after) and says how many there were.
    static func stripQuotes(_ line: ArraySlice<Glyph>, limit: Int) -> (depth: Int, rest: ArraySlice<Glyph>) {
        var rest = line
        var depth = 0
        while depth < limit {
            let spaces = indent(of: rest)
            guard spaces <= 3, rest.count > spaces, rest[rest.startIndex + spaces].ascii == UInt8(ascii: ">") else {
                break
            }
            rest = rest.dropFirst(spaces + 1)
            if rest.first?.ascii == space { rest = rest.dropFirst() }
            depth += 1
        }
        return (depth, rest)
    }

    /// An ATX heading (`#` to `######` then a space): its level and text without the
    /// markers or a closing run of `#`.
    static func heading(_ line: ArraySlice<Glyph>) -> (level: Int, content: ArraySlice<Glyph>)? {
        guard indent(of: line) <= 3 else { return nil }
        let trimmed = trimmingLeadingSpaces(line)
        var level = 0
        while level < trimmed.count, trimmed[trimmed.startIndex + level].ascii == UInt8(ascii: "#") { level += 1 }
        guard (1...6).contains(level) else { return nil }
        var content = trimmed.dropFirst(level)
        if let first = content.first, first.ascii != space { return nil }
        content = trimmingTrailingSpaces(trimmingLeadingSpaces(content))
        // A closing sequence counts only when a space (or nothing) stands before it.
        var end = content.endIndex
        while end > content.startIndex, content[end - 1].ascii == UInt8(ascii: "#") { end -= 1 }
        if end == content.startIndex || content[end - 1].ascii == space {
            content = trimmingTrailingSpaces(content[content.startIndex..<end])
        }
        return (level, content)
    }

    /// True for a thematic break: three or more of one of `-`, `*`, `_`, spaces allowed.
    static func isRule(_ line: ArraySlice<Glyph>) -> Bool {
        guard indent(of: line) <= 3 else { return false }
        var marker: UInt8 = 0
        var count = 0
        for glyph in line where glyph.ascii != space {
            let byte = glyph.ascii
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else {
                return false
            }
            if marker == 0 { marker = byte }
            guard byte == marker else { return false }
            count += 1
        }
        return count >= 3
    }

    /// A bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) list item marker followed by a
    /// space or the end of the line.
    static func listMarker(_ line: ArraySlice<Glyph>) -> ListMarker? {
        let spaces = indent(of: line)
        var position = line.startIndex + spaces
        guard position < line.endIndex else { return nil }
        let first = line[position].ascii
        let display: String
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            display = "\u{2022}"
            position += 1
        } else {
            var digits = ""
            while position < line.endIndex, digits.count < 9, let digit = asciiDigit(line[position]) {
                digits.append(digit)
                position += 1
            }
            guard !digits.isEmpty, position < line.endIndex else { return nil }
            let delimiter = line[position].ascii
            guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            display = digits + String(UnicodeScalar(delimiter))
            position += 1
        }
        guard position == line.endIndex || line[position].ascii == space else { return nil }
        while position < line.endIndex, line[position].ascii == space { position += 1 }
        return ListMarker(indent: spaces, display: display, contentStart: position)
    }

    /// An opening fence: three or more backticks or tildes (a backtick fence's info
    /// string may not contain a backtick).
    static func openingFence(_ line: ArraySlice<Glyph>) -> Fence? {
        let spaces = indent(of: line)
        let trimmed = line.dropFirst(spaces)
        guard let character = trimmed.first?.ascii,
              character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        let count = trimmed.prefix { $0.ascii == character }.count
        guard count >= 3 else { return nil }
        if character == UInt8(ascii: "`"), trimmed.dropFirst(count).contains(where: { $0.ascii == character }) {
            return nil
        }
        return Fence(character: character, count: count, indent: spaces)
    }

    /// True when `line` closes `fence`: at least as many of its character and nothing else.
    static func closes(_ fence: Fence, _ line: ArraySlice<Glyph>) -> Bool {
        let trimmed = trimmingTrailingSpaces(trimmingLeadingSpaces(line))
        return trimmed.count >= fence.count && trimmed.allSatisfy { $0.ascii == fence.character }
    }

    private static func asciiDigit(_ glyph: Glyph) -> Character? {
        let byte = glyph.ascii
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        return Character(UnicodeScalar(byte))
    }
}
