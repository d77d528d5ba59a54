import Foundation
@testable import PreferCore

/// An export computed the plain way, as SPEC §9 and docs/EXPORT.md read: every session record
/// read by `ReferenceSessionLog` and replayed by `EffectiveLabels`, session and task files read
/// with `JSONSerialization`
/// (`ReferenceTaskFile`), rows built as Foundation objects. Slow and simple, so that the fast
/// export is held to it; key order and escaping are held by the byte-exact scenario tests.
enum ReferenceExport {
    static func run(sessions: String, tasks path: String, options: ExportOptions) throws
        -> (rows: [Any], summary: ExportSummary, warnings: [InputError]) {
        let log = try ReferenceSessionLog.log(paths: [sessions])
        let labels = EffectiveLabels.compute(log.records)
        let verdicts = Dictionary(EffectiveLabels.verdicts(log.records).map { ($0.task, $0) }) { _, later in later }
        let file = try ReferenceTaskFile(path: path)
        var summary = ExportSummary()
        var byTask: [String: [EffectiveLabel]] = [:]
        var unknown: [EffectiveLabel] = []
        let ids = Set(file.tasks.map(\.id))
        for label in labels {
            if ids.contains(label.task) { byTask[label.task, default: []].append(label) } else { unknown.append(label) }
        }
        // Labels of unknown tasks are named in the order of their session lines.
        let fileRank = Dictionary(uniqueKeysWithValues: log.files.enumerated().map { ($1, $0) })
        unknown.sort { (fileRank[$0.file]!, $0.line) < (fileRank[$1.file]!, $1.line) }
        summary.unknownTaskLabels = unknown.count
        for label in unknown where summary.firstUnknownTaskIds.count < ExportSummary.warningLimit
            && !summary.firstUnknownTaskIds.contains(label.task) {
            summary.firstUnknownTaskIds.append(label.task)
        }
        for label in unknown.prefix(ExportSummary.warningLimit) {
            summary.warnings.append(InputError(file: label.file, line: label.line,
                reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) names no task in \(displayedPath(path)); left out"))
        }
        let found = labels.filter { byTask[$0.task] != nil }
        let categories = SessionScale.categories(of: found.map(\.choice), hint: SessionScale.hint(log.records))
        var rows: [Any] = []
        var dpo: [(task: ReferenceTaskFile.Task, chosen: ResponseSide, votes: [String: Int], decidedBy: DecidedBy)] = []
        var changed: [InputError] = []
        for task in file.tasks {
            guard let its = byTask[task.id] else { continue }
            var kept: [EffectiveLabel] = []
            for label in its.sorted(by: { $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8) }) {
                if let made = label.taskSHA256, made != task.sha256 {
                    summary.changedTaskLabels += 1
                    if changed.count < ExportSummary.warningLimit {
                        changed.append(InputError(file: label.file, line: label.line,
                            reason: "label of task \(JSONWriter.quoted(label.task)) by \(JSONWriter.quoted(label.rater)) was made on other content (its task_sha256 differs from the task file's line); left out"))
                    }
                    continue
                }
                kept.append(label)
            }
            guard !kept.isEmpty else { continue }
            summary.items += 1
            summary.labels += kept.count
            let texts = task.texts
            let verdict = verdicts[task.id].flatMap { $0.taskSHA256 == nil || $0.taskSHA256 == task.sha256 ? $0 : nil }
            switch options.format {
            case .labels:
                func row(_ label: EffectiveLabel, type: String) -> [String: Any] {
                    var row: [String: Any] = ["task": label.task, "rater": label.rater, "choice": label.choice,
                                 "left": label.left?.rawValue ?? NSNull(), "ms": label.ms ?? NSNull(),
                                 "at": label.atText ?? NSNull(), "session": label.session ?? NSNull(),
                                 "model_a": task.modelA, "model_b": task.modelB, "prompt": texts.prompt,
                                 "response_a": texts.a, "response_b": texts.b, "note": label.note ?? NSNull(),
                                 "meta": task.meta]
                    if options.withAdjudications { row["type"] = type }
                    return row
                }
                rows += kept.map { row($0, type: "label") }
                summary.rows += kept.count
                if options.withAdjudications, let verdict {
                    rows.append(row(verdict, type: "adjudication"))
                    summary.rows += 1
                }
            case .aggregate:
                let choices = kept.map(\.choice)
                var counts: [String: Int] = [:]
                for c in categories { counts[c] = 0 }
                for c in choices { counts[c, default: 0] += 1 }
                let top = counts.values.max() ?? 0
                let leaders = counts.filter { $0.value == top }.map(\.key)
                let majority: Any = leaders.count == 1 ? leaders[0] : NSNull()
                let agreement: Any = leaders.count == 1 ? Double(top) / Double(choices.count) : NSNull()
                let decision: Any = verdict?.choice ?? majority
                let decidedBy: Any = verdict != nil ? "adjudication" as Any : leaders.count == 1 ? "majority" as Any : NSNull()
                rows.append(["task": task.id, "n": choices.count, "counts": counts, "majority": majority,
                             "agreement": agreement, "decision": decision, "decided_by": decidedBy, "model_a": task.modelA, "model_b": task.modelB,
                             "prompt": texts.prompt, "response_a": texts.a, "response_b": texts.b,
                             "meta": task.meta] as [String: Any])
                summary.rows += 1
            case .dpo:
                let choices = kept.map(\.choice)
                switch DPORows.decide(choices, verdict: verdict?.choice, options: options) {
                case .failure(let reason):
                    summary.skipped[reason, default: 0] += 1
                case .success(let (side, decidedBy)):
                    if let a = task.conversationA, let b = task.conversationB {
                        guard let x = a.first, let y = b.first, NSDictionary(dictionary: x).isEqual(to: y) else {
                            summary.skipped[.noSharedPrompt, default: 0] += 1
                            continue
                        }
                        guard !NSDictionary(dictionary: a[task.shared]).isEqual(to: b[task.shared]) else {
                            summary.skipped[.nothingToCompare, default: 0] += 1
                            continue
                        }
                    }
                    dpo.append((task, side, votes(choices), decidedBy))
                }
            }
        }
        summary.warnings += changed
        if options.format == .dpo {
            summary.conversational = dpo.contains { !($0.task.prompt is String) }
            rows = dpo.map {
                var row = dpoRow($0.task, chosen: $0.chosen, votes: $0.votes, conversational: summary.conversational)
                row["decided_by"] = $0.decidedBy.rawValue
                return row
            }
            summary.rows = rows.count
        }
        return (rows, summary, log.warnings)
    }

    /// Votes per verdict as EXPORT.md reads choices (`A`, `A>B`, `A>>B` for A, and so on).
    private static func votes(_ choices: [String]) -> [String: Int] {
        var v = ["a": 0, "b": 0, "tie": 0, "both_bad": 0, "n": choices.count]
        for choice in choices {
            switch choice {
            case "A", "A>B", "A>>B": v["a"]! += 1
            case "B", "B>A", "B>>A": v["b"]! += 1
            case "tie": v["tie"]! += 1
            case "both_bad": v["both_bad"]! += 1
            default: break
            }
        }
        return v
    }

    private static func dpoRow(_ task: ReferenceTaskFile.Task, chosen side: ResponseSide, votes v: [String: Int],
                               conversational: Bool) -> [String: Any] {
        func message(_ role: String, _ content: Any) -> [[String: Any]] { [["role": role, "content": content]] }
        let prompt: Any, won: Any, lost: Any
        let (x, y) = side == .a ? (task.responseA, task.responseB) : (task.responseB, task.responseA)
        if let a = task.conversationA, let b = task.conversationB {
            let (cx, cy) = side == .a ? (a, b) : (b, a)
            prompt = Array(a[..<task.shared])
            won = Array(cx[task.shared...])
            lost = Array(cy[task.shared...])
        } else if let text = task.prompt as? String {
            (prompt, won, lost) = conversational ? (message("user", text), message("assistant", x), message("assistant", y))
                                                 : (text, x, y)
        } else {
            (prompt, won, lost) = (task.prompt!, message("assistant", x), message("assistant", y))
        }
        let (wins, losses) = side == .a ? (v["a"]!, v["b"]!) : (v["b"]!, v["a"]!)
        return ["prompt": prompt, "chosen": won, "rejected": lost, "task": task.id,
                "chosen_model": side == .a ? task.modelA : task.modelB,
                "rejected_model": side == .a ? task.modelB : task.modelA,
                "votes": ["chosen": wins, "rejected": losses, "tie": v["tie"]!, "both_bad": v["both_bad"]!, "n": v["n"]!]]
    }
}
