import Foundation
import PreferCore

/// The text form of `prefer status`.
enum StatusText {
    static func render(_ status: BatchStatus, now: Date) -> String {
        let p = status.progress
        var lines: [String] = []
        lines.append("batch \(JSONWriter.quoted(status.name)) at \(Timestamp.format(now)): "
                     + (status.isDone ? "done" : "\(p.done) of \(Counted.noun(p.tasks, "task")) done"))
        lines.append("  done \(p.done) · in progress \(p.inProgress) · untouched \(p.untouched)")
        lines.append("  contested: still open \(p.contestedOpen) · at max \(p.contestedAtMax)")
        lines.append("  over-labeled: \(Counted.noun(p.overLabeledTasks, "task")) (\(Counted.noun(p.extraLabels, "extra label")))")
        let eta: String
        switch status.hoursLeft {
        case 0?: eta = "nothing left"
        case let hours?: eta = hours < 1 ? "~\(max(1, Int((hours * 60).rounded())))m left" : String(format: "~%.1fh left", hours)
        case nil: eta = "no pace yet"
        }
        lines.append("  labels \(p.labels), still wanted \(p.labelsStillWanted): \(eta)")
        lines.append("  rater        labels  repeats  per hour  median ms  last seen                 self-consistency")
        for rater in status.raters {
            let pace = rater.labelsPerHour.map { String(format: "%.0f", $0) } ?? "-"
            let median = rater.medianMs.map { String(format: $0.rounded() == $0 ? "%.0f" : "%.1f", $0) } ?? "-"
            let seen = rater.lastSeen.map(Timestamp.format) ?? "-"
            let c = rater.consistency
            var consistency = c.repeats == 0 ? "-" : "\(c.same)/\(c.repeats)"
            if let ci = c.selfConsistency.interval, c.repeats > 0 {
                consistency += String(format: " [%.2f, %.2f]", ci.lower, ci.upper)
            }
            if RepeatConsistency.isLow(c) { consistency += " LOW" }
            lines.append("  " + [pad(rater.name, 12), pad(String(rater.labels), 6, right: true),
                                 pad(String(rater.repeats), 8, right: true), pad(pace, 9, right: true),
                                 pad(median, 10, right: true), " " + pad(seen, 25), consistency].joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
