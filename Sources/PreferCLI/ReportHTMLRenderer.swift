import Foundation
import PreferCore

/// `prefer report --format html`: one self-contained page (inline CSS and SVG, no script, no
/// link to anything else) that reads offline and prints: the claims, the plots, then the same
/// sections as the text report as HTML tables. Every text from the data goes through
/// `escape`, so a task id, rater name or note is shown as text, never read as markup.
enum ReportHTMLRenderer {
    static func render(_ report: Report) -> String {
        var page = HTMLPage()
        page.open()
        page.claims(report)
        page.plots(report)
        for section in ReportLayout.sections(report) where section.title != "The claim, in context" {
            page.section(section)
        }
        page.close()
        return page.text
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The page being written, part by part.
private struct HTMLPage {
    var text = ""
    private typealias W = ReportWords

    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
    h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
    table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left}
    td.num{text-align:right;font-variant-numeric:tabular-nums}tr.flagged td{background:#fff4d6}
    ul.claims li{margin:.5em 0;line-height:1.4}ul.notes{color:#555;font-size:.9em}
    figure{margin:1.2em 0;page-break-inside:avoid}figcaption{font-weight:600;margin-bottom:.3em}
    svg{max-width:100%;height:auto;font-size:12px;display:block}svg text{fill:#222}.axis{stroke:#999;stroke-width:1}
    .ref{stroke:#c33;stroke-dasharray:4 3}.ci{stroke:#246;stroke-width:2}.pt{fill:#246}.flag{fill:#d80}
    @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}
    """

    mutating func open() {
        text += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        text += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        text += "<title>Preference labeling report</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        text += "<h1>Preference labeling report</h1>\n"
    }

    mutating func close() { text += "</body>\n</html>\n" }

    private func e(_ s: String) -> String { ReportHTMLRenderer.escape(s) }

    mutating func claims(_ report: Report) {
        text += "<section id=\"claims\">\n<h2>The claim, in context</h2>\n"
        let first = ReportLayout.claims(report)
        if report.claims.isEmpty, case .text(let why)? = first.blocks.first {
            text += "<p>\(e(why))</p>\n"
        } else {
            text += "<ul class=\"claims\">\n"
            for claim in report.claims {
                let cls = claim.warnings.isEmpty ? "claim" : "claim caution"
                text += "<li class=\"\(cls)\">\(e(W.name(claim.sentence, width: 4000)))</li>\n"
            }
            text += "</ul>\n"
        }
        text += "</section>\n"
    }

    mutating func section(_ section: ReportSection) {
        text += "<section>\n<h2>\(e(section.title))</h2>\n"
        for block in section.blocks {
            switch block {
            case .text(let s): text += "<p>\(e(s))</p>\n"
            case .notes(let notes):
                text += "<ul class=\"notes\">\n" + notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let table):
                text += "<table>\n<thead><tr>" + table.headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for (row, color) in zip(table.rows, table.rowColors) {
                    text += color == nil ? "<tr>" : "<tr class=\"flagged\">"
                    for (k, cell) in row.enumerated() {
                        let right = k < table.alignments.count && table.alignments[k] == .right
                        text += right ? "<td class=\"num\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
                    }
                    text += "</tr>\n"
                }
                text += "</tbody>\n</table>\n"
            }
        }
        text += "</section>\n"
    }

    // MARK: plots

    mutating func plots(_ report: Report) {
        let s = report.summary
        text += "<section id=\"plots\">\n<h2>Plots</h2>\n"
        var agreement: [IntervalRow] = [
            IntervalRow(label: "percent agreement", point: s.percentAgreement.value, ci: s.intervals.percentAgreement.interval),
            IntervalRow(label: "Krippendorff's α (nominal)", point: s.alphaNominal.value, ci: s.intervals.alphaNominal.interval),
            IntervalRow(label: "Fleiss' κ", point: s.fleissKappa.value, ci: s.intervals.fleissKappa.interval),
            IntervalRow(label: "Gwet's AC1", point: s.gwetAC1.value, ci: s.intervals.gwetAC1.interval),
        ]
        if let pooled = report.pooled {
            agreement.append(IntervalRow(label: "pooled vote pairs (MT-Bench)", point: pooled.agreement.value, ci: nil))
            agreement.append(IntervalRow(label: "… without ties (S2)", point: pooled.agreementWithoutTies.value, ci: nil))
        }
        figure("agreement-plot", "Agreement with 95% intervals", forest(agreement, range: (min(0, agreement.lowest), 1), reference: nil, percent: false))
        if !s.pairs.isEmpty { figure("pair-heatmap", "Cohen's κ between rater pairs", heatmap(report)) }
        if !report.claims.isEmpty {
            let rows = report.claims.map { c in
                IntervalRow(label: "\(c.modelA) over \(c.modelB)",
                            point: c.leader == c.modelB ? c.winRate.value.map { 1 - $0 } : c.winRate.value,
                            ci: c.leader == c.modelB ? c.ci95.interval.map { ConfidenceInterval(lower: 1 - $0.upper, upper: 1 - $0.lower) } : c.ci95.interval)
            }
            figure("winrate-forest", "Decisive win rates of the first model over the second, Wilson 95% intervals (50% marked)", forest(rows, range: (0, 1), reference: 0.5))
        }
        if !s.ratings.isEmpty {
            var rows = s.ratings.map { IntervalRow(label: $0.model, point: $0.rating.value, ci: $0.ci95.interval) }
            if let lc = report.lengthControlled {
                rows += lc.ratings.map { IntervalRow(label: "\($0.model) (length-controlled)", point: $0.rating.value, ci: $0.ci95.interval) }
            }
            let values = rows.flatMap { [$0.point, $0.ci?.lower, $0.ci?.upper].compactMap { $0 } }
            if let lo = values.min(), let hi = values.max() {
                let pad = max(10, (hi - lo) * 0.05)
                figure("rating-forest", "Bradley–Terry ratings with bootstrap 95% intervals", forest(rows, range: (lo - pad, hi + pad), reference: 1000, percent: false))
            }
        }
        if !s.raterDetails.isEmpty {
            figure("rater-speed-agreement", "Raters: median time against agreement with the others (flagged raters named)", speedScatter(report))
            figure("rater-bias", "Raters: position bias (left rate) against length bias (longer chosen)", biasScatter(report))
        }
        if let b = report.breakdown {
            let rows = b.groups.map { g in
                IntervalRow(label: "\(b.key) = \(g.value ?? "(none)") — α", point: g.summary.alphaNominal.value, ci: g.summary.intervals.alphaNominal.interval)
            }
            figure("group-panels", "Agreement (nominal α) per \(b.key)", forest(rows, range: (min(0, rows.lowest), 1), reference: nil, percent: false))
        }
        text += "</section>\n"
    }

    private mutating func figure(_ id: String, _ caption: String, _ svg: String) {
        text += "<figure id=\"\(id)\">\n<figcaption>\(e(caption))</figcaption>\n\(svg)</figure>\n"
    }

    struct IntervalRow {
        var label: String
        var point: Double?
        var ci: ConfidenceInterval?
    }

    private func number(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A forest plot: one row per estimate, its interval as a line, its point as a dot.
    private func forest(_ rows: [IntervalRow], range: (Double, Double), reference: Double?, percent: Bool = true) -> String {
        let labelWidth = 340.0, plot = 420.0, rowHeight = 22.0, top = 10.0
        let height = top + Double(rows.count) * rowHeight + 30
        let (lo, hi) = range.1 > range.0 ? range : (range.0 - 1, range.0 + 1)
        func x(_ v: Double) -> Double { labelWidth + (min(max(v, lo), hi) - lo) / (hi - lo) * plot }
        var svg = "<svg class=\"forest\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(labelWidth + plot + 80))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(labelWidth + plot + 80)) \(number(height))\" role=\"img\">\n"
        let axisY = top + Double(rows.count) * rowHeight
        svg += "<line class=\"axis\" x1=\"\(number(labelWidth))\" y1=\"\(number(axisY))\" x2=\"\(number(labelWidth + plot))\" y2=\"\(number(axisY))\"/>\n"
        for t in 0...4 {
            let v = lo + (hi - lo) * Double(t) / 4
            let label = percent ? W.percent(v) : (abs(hi - lo) > 20 ? String(format: "%.0f", v) : W.coefficient(v))
            svg += "<text x=\"\(number(x(v)))\" y=\"\(number(axisY + 16))\" text-anchor=\"middle\">\(e(label))</text>\n"
        }
        if let reference, reference >= lo, reference <= hi {
            svg += "<line class=\"ref\" x1=\"\(number(x(reference)))\" y1=\"\(number(top - 4))\" x2=\"\(number(x(reference)))\" y2=\"\(number(axisY))\"/>\n"
        }
        for (k, row) in rows.enumerated() {
            let y = top + Double(k) * rowHeight + rowHeight / 2
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 4))\" text-anchor=\"end\">\(e(W.name(row.label, width: 44)))</text>\n"
            if let ci = row.ci {
                svg += "<line class=\"ci\" x1=\"\(number(x(ci.lower)))\" y1=\"\(number(y))\" x2=\"\(number(x(ci.upper)))\" y2=\"\(number(y))\"/>\n"
            }
            if let p = row.point {
                let value = percent ? W.percent(p) : (abs(hi - lo) > 20 ? String(format: "%.0f", p) : W.coefficient(p))
                svg += "<circle class=\"pt\" cx=\"\(number(x(p)))\" cy=\"\(number(y))\" r=\"4\"><title>\(e(row.label)): \(e(value))</title></circle>\n"
                svg += "<text x=\"\(number(labelWidth + plot + 8))\" y=\"\(number(y + 4))\">\(e(value))</text>\n"
            } else {
                svg += "<text x=\"\(number(labelWidth + 4))\" y=\"\(number(y + 4))\">\(e(W.missing))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// The rater-pair matrix of Cohen's κ as coloured cells (blue high, red below zero).
    private func heatmap(_ report: Report) -> String {
        let names = report.summary.raterDetails.map(\.rater)
        var kappa: [String: Double] = [:]
        for p in report.summary.pairs {
            if let v = p.cohenKappa.value { kappa[p.first + "\u{0}" + p.second] = v; kappa[p.second + "\u{0}" + p.first] = v }
        }
        let cell = 36.0, left = 140.0, top = 100.0
        let size = Double(names.count)
        var svg = "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(left + size * cell + 10))\" height=\"\(number(top + size * cell + 10))\" viewBox=\"0 0 \(number(left + size * cell + 10)) \(number(top + size * cell + 10))\" role=\"img\">\n"
        for (k, name) in names.enumerated() {
            let label = e(W.name(name, width: 18))
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(top + Double(k) * cell + cell / 2 + 4))\" text-anchor=\"end\">\(label)</text>\n"
            svg += "<text transform=\"translate(\(number(left + Double(k) * cell + cell / 2)),\(number(top - 6))) rotate(-45)\">\(label)</text>\n"
        }
        for (r, a) in names.enumerated() {
            for (c, b) in names.enumerated() {
                let x = left + Double(c) * cell, y = top + Double(r) * cell
                let value = a == b ? 1.0 : kappa[a + "\u{0}" + b]
                svg += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(cell - 1))\" height=\"\(number(cell - 1))\" fill=\"\(color(value))\">"
                svg += "<title>\(e(a)) · \(e(b)): \(value.map(W.coefficient) ?? W.missing)</title></rect>\n"
                if a != b, let value {
                    svg += "<text x=\"\(number(x + cell / 2))\" y=\"\(number(y + cell / 2 + 4))\" text-anchor=\"middle\">\(String(format: "%.2f", value))</text>\n"
                }
            }
        }
        return svg + "</svg>\n"
    }

    /// κ in −1…1 as a colour: red below 0, white at 0, blue at 1; grey when undefined.
    private func color(_ value: Double?) -> String {
        guard let v = value else { return "#ddd" }
        let t = max(-1, min(1, v))
        let (r, g, b): (Double, Double, Double) = t >= 0 ? (255 - 200 * t, 255 - 150 * t, 255 - 40 * t) : (255, 255 + 150 * t, 255 + 150 * t)
        return String(format: "#%02x%02x%02x", Int(r), Int(g), Int(b))
    }

    /// A scatter plot with axes 0…1 (or as given), one dot per rater, flagged raters named.
    private func scatter(_ points: [(name: String, x: Double, y: Double, flags: [RaterFlag])], xLabel: String, yLabel: String,
                         xRange: (Double, Double), yRange: (Double, Double), xTick: (Double) -> String, reference: (Double?, Double?)) -> String {
        let left = 60.0, width = 460.0, top = 10.0, height = 260.0
        func x(_ v: Double) -> Double { left + (v - xRange.0) / max(xRange.1 - xRange.0, 1e-9) * width }
        func y(_ v: Double) -> Double { top + height - (v - yRange.0) / max(yRange.1 - yRange.0, 1e-9) * height }
        var svg = "<svg class=\"scatter\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(left + width + 160))\" height=\"\(number(top + height + 44))\" viewBox=\"0 0 \(number(left + width + 160)) \(number(top + height + 44))\" role=\"img\">\n"
        svg += "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top + height))\" x2=\"\(number(left + width))\" y2=\"\(number(top + height))\"/>\n"
        svg += "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + height))\"/>\n"
        for t in 0...4 {
            let vx = xRange.0 + (xRange.1 - xRange.0) * Double(t) / 4, vy = yRange.0 + (yRange.1 - yRange.0) * Double(t) / 4
            svg += "<text x=\"\(number(x(vx)))\" y=\"\(number(top + height + 16))\" text-anchor=\"middle\">\(e(xTick(vx)))</text>\n"
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(vy) + 4))\" text-anchor=\"end\">\(e(W.percent(vy)))</text>\n"
        }
        if let rx = reference.0 {
            svg += "<line class=\"ref\" x1=\"\(number(x(rx)))\" y1=\"\(number(top))\" x2=\"\(number(x(rx)))\" y2=\"\(number(top + height))\"/>\n"
        }
        if let ry = reference.1 {
            svg += "<line class=\"ref\" x1=\"\(number(left))\" y1=\"\(number(y(ry)))\" x2=\"\(number(left + width))\" y2=\"\(number(y(ry)))\"/>\n"
        }
        svg += "<text x=\"\(number(left + width / 2))\" y=\"\(number(top + height + 36))\" text-anchor=\"middle\">\(e(xLabel))</text>\n"
        svg += "<text transform=\"translate(14,\(number(top + height / 2))) rotate(-90)\" text-anchor=\"middle\">\(e(yLabel))</text>\n"
        for p in points {
            let flagged = !p.flags.isEmpty
            let cls = flagged ? "flag" : "pt"
            let words = p.flags.map(\.words).joined(separator: ", ")
            svg += "<circle class=\"\(cls)\" cx=\"\(number(x(p.x)))\" cy=\"\(number(y(p.y)))\" r=\"5\"><title>\(e(p.name))\(flagged ? " — " + e(words) : "")</title></circle>\n"
            if flagged {
                svg += "<text class=\"flagged-name\" x=\"\(number(x(p.x) + 8))\" y=\"\(number(y(p.y) + 4))\">\(e(W.name(p.name, width: 18))) (\(e(words)))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    private func speedScatter(_ report: Report) -> String {
        var points: [(name: String, x: Double, y: Double, flags: [RaterFlag])] = []
        for (r, flags) in zip(report.summary.raterDetails, report.raterFlags) {
            guard let ms = r.medianMilliseconds.value, let a = r.agreementWithOthers.value else { continue }
            points.append((r.rater, log10(max(ms, 1)), a, flags))
        }
        let xs = points.map(\.x)
        let lo = (xs.min() ?? 2).rounded(.down), hi = max((xs.max() ?? 5).rounded(.up), lo + 1)
        return scatter(points, xLabel: "median time per label (log scale)", yLabel: "agreement with the others' majority",
                       xRange: (lo, hi), yRange: (0, 1), xTick: { W.duration(.value(pow(10, $0))) }, reference: (nil, nil))
            + (points.count < report.summary.raterDetails.count
               ? "<p class=\"note\">\(W.count(report.summary.raterDetails.count - points.count, "rater", verb: ("without a time or an agreement value is", "without a time or an agreement value are"))) not shown.</p>\n" : "")
    }

    private func biasScatter(_ report: Report) -> String {
        let lengths = Dictionary(uniqueKeysWithValues: report.raterLengthBias.compactMap { b in b.rater.map { ($0, b) } })
        var points: [(name: String, x: Double, y: Double, flags: [RaterFlag])] = []
        for (r, flags) in zip(report.summary.raterDetails, report.raterFlags) {
            guard let left = r.leftRate.value else { continue }
            points.append((r.rater, left, lengths[r.rater]?.share.value ?? 0.5, flags))
        }
        return scatter(points, xLabel: "left rate (decisive labels choosing the left response)",
                       yLabel: report.lengthBias == nil ? "longer chosen (no --tasks: shown at 50%)" : "longer response chosen",
                       xRange: (0, 1), yRange: (0, 1), xTick: { W.percent($0) }, reference: (0.5, 0.5))
    }
}

private extension Array where Element == HTMLPage.IntervalRow {
    /// The smallest point or interval end (0 when none).
    var lowest: Double { flatMap { [$0.point, $0.ci?.lower].compactMap { $0 } }.min() ?? 0 }
}
