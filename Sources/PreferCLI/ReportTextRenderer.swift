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
