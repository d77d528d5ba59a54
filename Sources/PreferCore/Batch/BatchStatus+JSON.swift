import Foundation

extension BatchStatus {
    /// `prefer status --format json`: one object, keys in a fixed order (docs/BATCH.md).
    public var json: JSONValue {
        func int(_ value: Int) -> JSONValue { .number(String(value)) }
        func consistency(_ n: Int, _ same: Int, _ estimate: IntervalEstimate) -> JSONValue {
            var members = [JSONMember("n", int(n)), JSONMember("same", int(same)),
                           JSONMember("share", n > 0 ? ReportJSON.number(Double(same) / Double(n)) : .null)]
            if let ci = estimate.interval {
                members.append(JSONMember("ci95", .array([ReportJSON.number(ci.lower), ReportJSON.number(ci.upper)])))
            } else {
                members.append(JSONMember("ci95", .null))
            }
            return .object(members)
        }
        let p = progress
        return .object([
            JSONMember("batch", .string(name)),
            JSONMember("tasks", int(p.tasks)),
            JSONMember("done", int(p.done)),
            JSONMember("in_progress", int(p.inProgress)),
            JSONMember("untouched", int(p.untouched)),
            JSONMember("contested_open", int(p.contestedOpen)),
            JSONMember("contested_at_max", int(p.contestedAtMax)),
            JSONMember("over_labeled_tasks", int(p.overLabeledTasks)),
            JSONMember("extra_labels", int(p.extraLabels)),
            JSONMember("labels", int(p.labels)),
            JSONMember("labels_still_wanted", int(p.labelsStillWanted)),
            JSONMember("hours_left", hoursLeft.map(ReportJSON.number) ?? .null),
            JSONMember("raters", .array(raters.map { rater in
                .object([
                    JSONMember("rater", .string(rater.name)),
                    JSONMember("labels", int(rater.labels)),
                    JSONMember("label_events", int(rater.labelEvents)),
                    JSONMember("repeats", int(rater.repeats)),
                    JSONMember("labels_per_hour", rater.labelsPerHour.map(ReportJSON.number) ?? .null),
                    JSONMember("median_ms", rater.medianMs.map(ReportJSON.number) ?? .null),
                    JSONMember("last_seen", rater.lastSeen.map { .string(Timestamp.format($0)) } ?? .null),
                    JSONMember("self_consistency", consistency(rater.consistency.repeats, rater.consistency.same,
                                                               rater.consistency.selfConsistency)),
                    JSONMember("position_consistency", consistency(rater.consistency.decisive, rater.consistency.decisiveSame,
                                                                   rater.consistency.positionConsistency)),
                    JSONMember("low_self_consistency", .bool(RepeatConsistency.isLow(rater.consistency))),
                ])
            })),
        ])
    }
}
