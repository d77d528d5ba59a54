import Foundation

/// The sentence of a `PairClaim` and the warnings it carries, written once here so that text,
/// Markdown, HTML and JSON say the same words (renderers escape or sanitize them).
enum PairClaimWords {
    static func warnings(_ c: PairClaim) -> [PairClaim.Warning] {
        var out: [PairClaim.Warning] = []
        if let ci = c.ci95.interval, ci.lower <= 0.5, 0.5 <= ci.upper { out.append(.withinNoise) }
        if let a = c.alpha.value, a < PairClaim.lowAgreement { out.append(.lowAgreement) }
        if !c.flaggedShares.isEmpty { out.append(.flaggedRaterShare) }
        if let p = c.positionP.value, p < PairClaim.biasLevel { out.append(.positionBias) }
        if let p = c.lengthP.value, p < PairClaim.biasLevel { out.append(.lengthBias) }
        return out
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    static func coefficient(_ x: Double) -> String { String(format: "%.3f", x) }
    static func pValue(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", p) }
    static func count(_ n: Int, _ noun: String) -> String { Counted.noun(n, noun) }

    static func sentence(_ c: PairClaim) -> String {
        var s: String
        let basis = "\(count(c.labels, "label")) (\(c.decisive) decisive) from \(count(c.raters, "rater")) on \(count(c.items, "item"))"
        if c.decisive == 0 {
            s = "No label prefers \(c.modelA) or \(c.modelB): \(basis), all ties or both bad."
        } else {
            let rate = c.winRate.value.map(percent) ?? "—"
            let ci = c.ci95.interval.map { " (95% CI [\(percent($0.lower)), \(percent($0.upper))])" } ?? ""
            if let leader = c.leader {
                let other = leader == c.modelA ? c.modelB : c.modelA
                s = "\(leader) beats \(other) in \(rate) of decisive labels\(ci): \(basis)"
            } else {
                s = "\(c.modelA) and \(c.modelB) split the decisive labels evenly\(ci): \(basis)"
            }
            s += "; "
        }
        if c.decisive > 0 {
            if let a = c.alpha.value {
                let ci = c.alphaCI.interval.map { ", 95% CI [\(coefficient($0.lower)), \(coefficient($0.upper))]" }
                    ?? " (no interval: \(c.alphaCI.reason ?? "undefined"))"
                s += "these raters agree on these items with Krippendorff's α = \(coefficient(a))\(ci)."
            } else {
                s += "their agreement on these items is unknown (\(c.alpha.reason ?? "undefined"))."
            }
        }
        var cautions: [String] = []
        for w in c.warnings {
            switch w {
            case .withinNoise: cautions.append("the interval holds 50%, so this is within label noise: treat it as a tie")
            case .lowAgreement: cautions.append("agreement is low (α below \(coefficient(PairClaim.lowAgreement)))")
            case .flaggedRaterShare:
                for f in c.flaggedShares {
                    cautions.append("flagged rater \(f.rater) (\(f.flags.map(\.words).joined(separator: ", "))) gave \(percent(f.share)) of these labels")
                }
            case .positionBias:
                cautions.append("labels favour the left side (\(c.leftChosen) of \(c.sided) decisive, \(c.positionP.value.map(pValue) ?? ""))")
            case .lengthBias:
                cautions.append("labels favour the longer response (\(c.longerChosen) of \(c.lengthCompared) decisive, \(c.lengthP.value.map(pValue) ?? ""))")
            }
        }
        if !cautions.isEmpty { s += " Caution: " + cautions.joined(separator: "; ") + "." }
        return s
    }
}
