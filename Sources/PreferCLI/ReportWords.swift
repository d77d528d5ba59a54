import Foundation
import PreferCore
import PreferTUI

/// Number formats and plain-words readings shared by the text and Markdown reports.
enum ReportWords {
    /// Shown where a value is undefined; the reason is listed under the table.
    static let missing = "—"

    /// `1 rater`, `2 raters`: a count with its noun in the number it needs. `plural` for the
    /// nouns whose plural is not the singular plus "s".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        Counted.noun(n, singular, plural: plural)
    }

    /// `1 item has`, `2 items have`.
    static func count(_ n: Int, _ singular: String, verb: (singular: String, plural: String)) -> String {
        count(n, singular) + " " + (n == 1 ? verb.singular : verb.plural)
    }

    /// A coefficient with three decimals (`0.522`, `-0.053`).
    static func coefficient(_ x: Double) -> String { String(format: "%.3f", x) }

    static func coefficient(_ e: Estimate) -> String { e.value.map(coefficient) ?? missing }

    /// A share as a percentage with one decimal (`68.6%`).
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func percent(_ e: Estimate) -> String { e.value.map(percent) ?? missing }

    /// `[0.512, 0.531]`, or the missing mark.
    static func interval(_ i: IntervalEstimate, percent asPercent: Bool = false) -> String {
        guard let ci = i.interval else { return missing }
        return asPercent ? "[\(percent(ci.lower)), \(percent(ci.upper))]"
                         : "[\(coefficient(ci.lower)), \(coefficient(ci.upper))]"
    }

    /// A p-value: `< 0.001`, else three decimals.
    static func pValue(_ e: Estimate) -> String {
        guard let p = e.value else { return missing }
        return p < 0.001 ? "< 0.001" : String(format: "%.3f", p)
    }

    /// A duration: `850 ms`, `12.3 s`, `4.2 min`.
    static func duration(_ e: Estimate) -> String {
        guard let ms = e.value else { return missing }
        if ms < 1000 { return String(format: "%.0f ms", ms) }
        if ms < 120_000 { return String(format: "%.1f s", ms / 1000) }
        return String(format: "%.1f min", ms / 60_000)
    }

    /// A rating with no decimals (`1043`).
    static func rating(_ e: Estimate) -> String { e.value.map { String(format: "%.0f", $0) } ?? missing }

    static func ratingInterval(_ i: IntervalEstimate) -> String {
        guard let ci = i.interval else { return missing }
        return String(format: "[%.0f, %.0f]", ci.lower, ci.upper)
    }

    /// Landis & Koch (1977) bands for kappa-type coefficients (Cohen, Fleiss, Scott, AC1).
    static func kappaReading(_ x: Double) -> String {
        switch x {
        case ..<0: return "poor (below chance)"
        case ..<0.205: return "slight"
        case ..<0.405: return "fair"
        case ..<0.605: return "moderate"
        case ..<0.805: return "substantial"
        default: return "almost perfect"
        }
    }

    /// Krippendorff's (2004) guidance for alpha.
    static func alphaReading(_ x: Double) -> String {
        switch x {
        case 0.8...: return "reliable (α ≥ 0.800)"
        case 0.667...: return "tentative only (0.667 ≤ α < 0.800)"
        default: return "unreliable (α < 0.667)"
        }
    }

    /// A name from the data, safe for a terminal and cut to `width` columns with `…`.
    static func name(_ text: String, width: Int = 28) -> String {
        let safe = Sanitizer.singleLine(text)
        guard DisplayWidth.of(safe) > width else { return safe }
        var out = ""
        var used = 0
        for character in safe {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The sentence that says which labels every agreement figure leaves out (likert5's
    /// both_bad, docs/REPORT.md), or nil when none were.
    static func setAside(_ s: StatisticsSummary) -> String? {
        let parts = zip(s.categories.setAside, s.setAsideCounts).filter { $0.1 > 0 }
            .map { "\(count($0.1, "\($0.0) label")) set aside" }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: ", ") + ": every agreement figure here leaves them out (they have no place on the "
            + "scale's order); they count in the labels, the both-bad rates and the win tables."
    }

    /// The undefined reasons of `items` as `label: reason` lines, without repeats.
    static func reasons(_ items: [(String, String?)]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for (label, reason) in items {
            guard let reason else { continue }
            let line = "\(label): \(reason)"
            if seen.insert(line).inserted { lines.append(line) }
        }
        return lines
    }

    /// The sentence that puts win rates next to the agreement qualifying them.
    static func noiseSentence(_ report: Report) -> String {
        let s = report.summary
        let agreement = s.percentAgreement.value.map { "raters agree on \(percent($0)) of label pairs" }
            ?? "no item has two labels, so rater agreement is unknown"
        let ac1 = s.gwetAC1.value.map { " (AC1 \(coefficient($0)), \(kappaReading($0)))" } ?? ""
        return "Every label counts; \(agreement)\(ac1). A win rate whose 95% interval holds 50% "
            + "is within what label noise explains: treat it as a tie."
    }
}
