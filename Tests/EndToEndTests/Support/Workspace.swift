import Foundation
import XCTest

/// A temporary folder with a task file, a guideline and a sessions folder, like a lead
/// would prepare on the shared host.
final class Workspace {
    let root: String

    init(tasks: [[String: Any]]? = nil) throws {
        root = NSTemporaryDirectory() + "prefer-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write("tasks.jsonl", Workspace.jsonl(tasks ?? Workspace.sixTasks()))
        try write("guide.md", "# Guide\n\nPick the more **helpful** answer.\n\n- Be fair\n- Ignore length\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { root + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    /// The standard label command for this workspace.
    func labelCommand(rater: String = "e2e", extra: [String] = []) -> [String] {
        [PreferBinary.path, "label", "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", "sessions",
         "--rater", rater] + extra
    }

    /// Every session file of a rater, oldest first.
    func sessionFiles(rater: String = "e2e") -> [String] {
        let dir = path("sessions/\(rater)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { dir + "/" + $0 }
    }

    /// The events of all a rater's session files, parsed.
    func events(rater: String = "e2e") -> [[String: Any]] {
        sessionFiles(rater: rater).flatMap { file -> [[String: Any]] in
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    func events(ofType type: String, rater: String = "e2e") -> [[String: Any]] {
        events(rater: rater).filter { $0["type"] as? String == type }
    }

    /// Waits until a rater has `count` events of `type` on disk.
    @discardableResult
    func waitForEvents(_ type: String, count: Int, rater: String = "e2e", timeout: TimeInterval = 10,
                       file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found = events(ofType: type, rater: rater)
            if found.count >= count { return found }
            usleep(50_000)
        }
        XCTFail("expected \(count) \(type) events, found \(events(ofType: type, rater: rater).count)", file: file, line: line)
        return events(ofType: type, rater: rater)
    }

    static func sixTasks() -> [[String: Any]] {
        (1...6).map { n in
            ["id": "task-\(n)", "prompt": "Question number \(n)?", "response_a": "Answer alpha \(n).",
             "response_b": "Answer beta \(n).", "model_a": "model-x", "model_b": "model-y"]
        }
    }

    static func jsonl(_ objects: [[String: Any]]) -> String {
        objects.map { object in
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}
