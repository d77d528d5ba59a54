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
                     JSONMember("conversation_a", Self.json(a)),
                     JSONMember("conversation_b", Self.json(b)),
                     JSONMember("model_a", .string(modelA)), JSONMember("model_b", .string(modelB))] + extra))
    }

    private static func json(_ messages: [Message]) -> JSONValue {
        .array(messages.map { .object([JSONMember("role", .string($0.role)), JSONMember("content", .string($0.content))]) })
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
    /// `EffectiveLabels`, the task file read by `JSONSerialization`) gives the same rows (as
    /// `JSONSerialization` reads them) and the same summary.
    func export(_ options: ExportOptions, workers: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws
        -> (bytes: [UInt8], summary: ExportSummary, warnings: [InputError]) {
        folder.write("tasks.jsonl", taskLines.joined(separator: "\n") + "\n")
        for (relative, lines) in sessionLines { folder.write("sessions/" + relative, lines.joined()) }
        let (labels, tasks) = try ExportInputs.read(sessionPaths: [sessionsPath], tasksPath: tasksPath, workers: max(workers, 1),
                                                    keeping: .needed(by: options.format))
        let result = try Exporter.data(tasks: tasks, labels: labels, options: options, workers: workers)
        let reference = try ReferenceExport.run(sessions: sessionsPath, tasks: tasksPath, options: options)
        let rows = try result.bytes.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0), options: [.fragmentsAllowed])
        }
        XCTAssertTrue(NSArray(array: rows).isEqual(to: reference.rows),
                      "the export differs from the reference:\n\(rows)\nvs\n\(reference.rows)", file: file, line: line)
        XCTAssertEqual(result.bytes.last.map { $0 == UInt8(ascii: "\n") } ?? true, true, file: file, line: line)
        XCTAssertEqual(result.summary, reference.summary, file: file, line: line)
        XCTAssertEqual(labels.labelSet.warnings, reference.warnings, file: file, line: line)
        return (result.bytes, result.summary, labels.labelSet.warnings)
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
