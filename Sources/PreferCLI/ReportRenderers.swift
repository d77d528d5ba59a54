import PreferCore
import PreferTUI

/// `prefer report --format text`: sections with underlined titles and aligned tables; colour
/// (flagged raters in yellow, bold titles) only when asked, never needed to read anything.
enum ReportTextRenderer {
    static func render(_ report: Report, color: Bool) -> String {
        var lines: [String] = []
        for section in ReportLayout.sections(report) {
            if !lines.isEmpty { lines.append("") }
            lines.append(color ? "\u{1B}[1m\(section.title)\u{1B}[0m" : section.title)
            lines.append(String(repeating: "=", count: DisplayWidth.of(section.title)))
            for block in section.blocks {
                switch block {
                case .text(let text): lines.append(contentsOf: wrap(text, width: 96, indent: "  "))
                case .table(let table): lines.append(contentsOf: table.render(color: color))
                case .notes(let notes):
                    for note in notes { lines.append(contentsOf: wrap(note, width: 96, indent: "  · ", hanging: "    ")) }
                }
            }
        }
        return lines.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// Wraps at spaces to `width` characters (sentences here are ASCII apart from names).
    static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        var lines: [String] = []
        var current = indent
        let continuation = hanging ?? indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let prefixOnly = current == indent || current == continuation
            if !prefixOnly && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation + word
            } else {
                current += (prefixOnly ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines
    }
}

/// `prefer report --format markdown`: the same sections as GitHub-flavoured Markdown, for
/// pasting into a document; cells are escaped so a name cannot break a table.
enum ReportMarkdownRenderer {
    static func render(_ report: Report) -> String {
        var lines = ["# Preference labeling report"]
        for section in ReportLayout.sections(report) {
            lines.append("")
            lines.append("## \(section.title)")
            for block in section.blocks {
                lines.append("")
                switch block {
                case .text(let text): lines.append(escape(text))
                case .table(let table):
                    let headers = table.headers.map { $0.isEmpty ? " " : escape($0) }
                    lines.append("| " + headers.joined(separator: " | ") + " |")
                    lines.append("|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined())
                    for row in table.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
                case .notes(let notes):
                    lines.append(contentsOf: notes.map { "- " + escape($0) })
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Backslash-escapes the characters Markdown would read as markup (so `both_bad` stays
    /// literal and a `|` in a task id cannot split a cell).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_<|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
