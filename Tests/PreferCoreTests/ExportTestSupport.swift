import Foundation
import XCTest
@testable import PreferCore

/// A task file and session files written into a temporary folder, for export tests.
final class ExportFixture {
    let folder = SessionTempFolder()
    private(set) var taskLines: [String] = []
    private var sessionLines: [String: [String]] = [:]

    var tasksPath: String { folder.file("tasks.jsonl") }
    var sessionsPath: String { folder.file("sessions") }

    /// Adds a single-turn task; returns its line's sha256.
    @discardableResult
    func addTask(_ id: String, prompt: JSONValue = .string("Say hi."), a: String = "Hi!", b: String = "Hello.",
                 modelA: String? = "m1", modelB: String? = "m2", extra: [JSONMember] = []) -> String {
        var members = [JSONMember("id", .string(id)), JSONMember("prompt", prompt),
                       JSONMember("response_a", .string(a)), JSONMember("response_b", .string(b))]
        if let modelA { members.append(JSONMember("model_a", .string(modelA))) }
        if let modelB { members.append(JSONMember("model_b", .string(modelB))) }
        members.append(contentsOf: extra)
        return add(.object(members))
    }

    /// Adds a conversation-form task; returns its line's sha256.
    @discardableResult
    func addConversation(_ id: String, a: [Message], b: [Message], modelA: String = "m1", modelB: String = "m2",
                         extra: [JSONMember] = []) -> String {
        add(.object([JSONMember("id", .string(id)),
                     JSONMember("conversation_a", ExportedTexts.json(a[...])),
                     JSONMember("conversation_b", ExportedTexts.json(b[...])),
                     JSONMember("model_a", .string(modelA)), JSONMember("model_b", .string(modelB))] + extra))
    }

    private func add(_ value: JSONValue) -> String {
        let line = JSONWriter.serialize(value)
        taskLines.append(line)
        return SHA256Hex.of(text: line)
    }

    func sha(_ id: String) -> String {
        let line = taskLines.first { $0.contains("\"id\":\(JSONWriter.quoted(id))") } ?? ""
        return SHA256Hex.of(text: line)
    }

    /// Appends one event to `sessions/<rater>/<file>`; `at` is seconds after 10:00:00.000Z.
    func event(_ type: String, _ task: String, choice: String? = nil, rater: String = "ana", second: Int,
               file: String = "20261128T100000Z-0000000a.jsonl", note: String? = nil, left: String = "A",
               sha: String? = nil, ms: Int = 1500) {
        var members: [JSONMember] = [JSONMember("v", .number("1")), JSONMember("type", .string(type)),
                                     JSONMember("session", .string("s-\(rater)")), JSONMember("rater", .string(rater)),
                                     JSONMember("at", .string(String(format: "2026-11-28T10:%02d:%02d.000Z", second / 60, second % 60))),
                                     JSONMember("task", .string(task))]
        if type == "label" {
            members.append(JSONMember("task_sha256", .string(sha ?? self.sha(task))))
            members.append(JSONMember("choice", .string(choice ?? "A")))
            members.append(JSONMember("left", .string(left)))
            members.append(JSONMember("ms", .number(String(ms))))
            if let note { members.append(JSONMember("note", .string(note))) }
        }
        raw(JSONWriter.serialize(.object(members)) + "\n", rater: rater, file: file)
    }

    /// Appends text as it is (for minimal foreign lines and torn tails).
    func raw(_ text: String, rater: String = "ana", file: String = "20261128T100000Z-0000000a.jsonl") {
        sessionLines["\(rater)/\(file)", default: []].append(text)
    }

    /// Writes everything and runs the export as the CLI does (`ExportInputs`, `Exporter`);
    /// fails the test unless the reference export (`ReferenceExport`: `SessionReader`,
    /// `EffectiveLabels`, `TaskFile`, decoded tasks) gives the very same bytes and summary.
    func export(_ options: ExportOptions, workers: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws
        -> (bytes: [UInt8], summary: ExportSummary, warnings: [InputError]) {
        folder.write("tasks.jsonl", taskLines.joined(separator: "\n") + "\n")
        for (relative, lines) in sessionLines { folder.write("sessions/" + relative, lines.joined()) }
        let (labels, tasks) = try ExportInputs.read(sessionPaths: [sessionsPath], tasksPath: tasksPath, workers: max(workers, 1),
                                                    keeping: .needed(by: options.format))
        let result = try Exporter.data(tasks: tasks, labels: labels, options: options, workers: workers)
        let reference = try ReferenceExport.run(sessions: sessionsPath, tasks: tasksPath, options: options)
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self), String(decoding: reference.bytes, as: UTF8.self),
                       "the export differs from the reference", file: file, line: line)
        XCTAssertEqual(result.summary, reference.summary, file: file, line: line)
        XCTAssertEqual(labels.labelSet.warnings, reference.warnings, file: file, line: line)
        return (result.bytes, result.summary, labels.labelSet.warnings)
    }
}

/// An export computed the plain way, as SPEC §9 reads: every session record read and replayed
/// by the reference readers, every task decoded by `TaskFile`, rows written from the decoded
/// tasks. Slow and simple, so that the fast export is held to it.
enum ReferenceExport {
    static func run(sessions: String, tasks path: String, options: ExportOptions) throws
        -> (bytes: [UInt8], summary: ExportSummary, warnings: [InputError]) {
        let log = try SessionReader.read(paths: [sessions])
        let labels = EffectiveLabels.compute(log.records)
        let tasks = try TaskFile.load(path: path)
        var summary = ExportSummary()
        var byTask: [String: [EffectiveLabel]] = [:]
        var unknown: [EffectiveLabel] = []
        for label in labels {
            if tasks.index(of: label.task) != nil { byTask[label.task, default: []].append(label) } else { unknown.append(label) }
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
        var out: [UInt8] = []
        var rows: [DPORowPieces] = []
        var changed: [InputError] = []
        for k in 0..<tasks.count {
            let task = try tasks.task(at: k)
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
            switch options.format {
            case .labels:
                LabelRows.append(task, kept, to: &out)
                summary.rows += kept.count
            case .aggregate:
                AggregateRows.append(task, kept, categories: categories, to: &out)
                summary.rows += 1
            case .dpo:
                let choices = kept.map(\.choice)
                switch DPORows.decide(choices, options: options).flatMap({ DPORows.pieces(task, chosen: $0, choices: choices) }) {
                case .success(let row): rows.append(row)
                case .failure(let reason): summary.skipped[reason, default: 0] += 1
                }
            }
        }
        summary.warnings += changed
        if options.format == .dpo {
            summary.conversational = rows.contains { !$0.isPlainText }
            for row in rows { row.appendLine(conversational: summary.conversational, to: &out) }
            summary.rows = rows.count
        }
        return (out, summary, log.warnings)
    }
}

/// The lines of an export, parsed.
func exportLines(_ bytes: [UInt8]) throws -> [JSONValue] {
    try bytes.split(separator: UInt8(ascii: "\n")).map { try JSONParser.parse(Array($0)) }
}

/// True when no byte sequence that a terminal would act on or hide is in `bytes`: no C0
/// control but `\n`, no DEL, and no scalar `HiddenCharacters` reports.
func isSafeToCat(_ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    return !text.unicodeScalars.contains { $0 != "\n" && HiddenCharacters.isHidden($0) }
}
