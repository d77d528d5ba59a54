import PreferCore
import PreferTUI

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
