import PreferCore

/// The compact table of an item's labels: rater, choice, the side each rater saw on the
/// left, time and note (wrapped under its column), then the verdict in effect.
enum ReviewVotesTable {
    static let raterColumnLimit = 16

    static func lines(_ item: ReviewItem, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let raters = item.votes.map { cut(Sanitizer.singleLine($0.rater), to: raterColumnLimit) }
        let choices = item.votes.map { Sanitizer.singleLine($0.choice) }
        let raterWidth = max(5, raters.map { DisplayWidth.of($0) }.max() ?? 0)
        let choiceWidth = max(6, choices.map { DisplayWidth.of($0) }.max() ?? 0)
        let timeWidth = 6
        let leftWidth = 4
        let noteColumn = raterWidth + choiceWidth + leftWidth + timeWidth + 8
        let noteWidth = max(10, width - noteColumn)
        func row(_ cells: [String], widths: [Int]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - DisplayWidth.of($0))) }
                .joined(separator: "  ")
        }
        let widths = [raterWidth, choiceWidth, leftWidth, timeWidth]
        var lines = [StyledLine(row(["rater", "choice", "left", "time"], widths: widths) + "  note", style: .bold)]
        for (k, vote) in item.votes.enumerated() {
            let start = row([raters[k], choices[k], vote.left?.rawValue ?? "—", time(vote.ms)], widths: widths) + "  "
            let note = vote.note.map { TextLayout.layout($0, width: noteWidth, markdown: false).lines } ?? []
            guard let first = note.first else {
                lines.append(StyledLine(start.trimmingTrailingSpaces))
                continue
            }
            lines.append(StyledLine(spans: [Span(start)] + first.spans))
            let indent = String(repeating: " ", count: DisplayWidth.of(start))
            for more in note.dropFirst() { lines.append(StyledLine(spans: [Span(indent)] + more.spans)) }
        }
        if let verdict = item.verdict {
            var text = "your verdict: " + Sanitizer.singleLine(verdict.choice)
            if let note = verdict.note { text += " · note: " + Sanitizer.singleLine(note) }
            lines.append(StyledLine(text, style: .bold))
        } else {
            lines.append(StyledLine("your verdict: none yet", style: .bold))
        }
        return lines
    }

    /// `1 A · 1 B · no majority` or `2 A · 1 B · majority A 67%`: the pane's title.
    static func summary(_ item: ReviewItem) -> String {
        let tally = item.tally
        var parts = tally.choices.map { "\(tally.count(of: $0)) \(Sanitizer.singleLine($0))" }
        if let majority = tally.majority, let agreement = tally.agreement {
            parts.append("majority \(Sanitizer.singleLine(majority)) \(Int((agreement * 100).rounded()))%")
        } else {
            parts.append("no majority")
        }
        return parts.joined(separator: " · ")
    }

    /// `12.3s`, `1m05s`, `—` for a label without `ms`.
    static func time(_ ms: Int?) -> String {
        guard let ms else { return "—" }
        if ms < 60_000 { return "\(ms / 1000).\(ms % 1000 / 100)s" }
        let seconds = ms / 1000
        return "\(seconds / 60)m" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)s"
    }

    private static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = ""
        var used = 1
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
