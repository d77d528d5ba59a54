import Foundation
@testable import PreferCLI
import PreferCore
import PreferTUI
import XCTest

/// What `prefer review` reads before the screen opens, held to SPEC §4's one task-file rule: a
/// label or verdict of a task not in `--tasks`, or made on other content, is left out with a
/// warning.
final class ReviewPlanTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "prefer-review-plan-" + UUID().uuidString
        for rater in ["ana", "bob", "lee"] {
            try FileManager.default.createDirectory(atPath: folder + "/sessions/" + rater, withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ name: String, _ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    private func taskLine(_ id: String, _ answer: String = "x") -> String {
        #"{"id":"\#(id)","prompt":"p","response_a":"\#(answer)","response_b":"y"}"#
    }

    private func event(_ type: String, _ rater: String, _ task: String, sha: String, _ choice: String, second: Int) -> String {
        #"{"v":1,"type":"\#(type)","session":"S-\#(rater)","rater":"\#(rater)","at":"2026-11-28T10:00:0\#(second).000Z","task":"\#(task)","task_sha256":"\#(sha)","choice":"\#(choice)"}"#
    }

    func testALabelOrVerdictOnChangedContentOrAnUnknownTaskIsLeftOutOfReviewWithTheWarning() throws {
        try write("t.jsonl", [taskLine("t1"), taskLine("t2")])
        let before = try TaskFile.load(path: folder + "/t.jsonl")
        let (t1, t2) = (try before.taskSHA256(at: 0), try before.taskSHA256(at: 1))
        try write("sessions/ana/a.jsonl", [event("label", "ana", "t1", sha: t1, "A", second: 1),
                                           event("label", "ana", "t2", sha: t2, "A", second: 2),
                                           event("label", "ana", "t9", sha: t1, "A", second: 3)])
        try write("sessions/bob/b.jsonl", [event("label", "bob", "t1", sha: t1, "B", second: 1),
                                           event("label", "bob", "t2", sha: t2, "B", second: 2)])
        try write("sessions/lee/l.jsonl", [event("adjudication", "lee", "t1", sha: t1, "A", second: 4)])
        // t2 is edited after it was labeled: both labels of it no longer count, nor the verdict
        // on t1's old content written after the edit.
        try write("t.jsonl", [taskLine("t1"), taskLine("t2", "edited")])
        let plan = try ReviewPlan.prepare(.init(tasksPath: folder + "/t.jsonl", paths: [], sessionsRoot: folder + "/sessions",
                                                leadOverride: "lee"))
        XCTAssertEqual(plan.items.map(\.task), ["t1"])
        XCTAssertEqual(plan.items.first?.votes.map { "\($0.rater)=\($0.choice)" }, ["ana=A", "bob=B"])
        XCTAssertEqual(plan.items.first?.verdict, ReviewVerdict(choice: "A", note: nil))
        XCTAssertEqual(plan.items.first?.sha256, t1)
        XCTAssertEqual(plan.warnings, ["left out 3 labels and verdicts of tasks not in \(folder!)/t.jsonl or made on other content (task_sha256 differs)"])

        try write("sessions/lee/l2.jsonl", [event("adjudication", "lee", "t1", sha: t2, "B", second: 5)])
        let again = try ReviewPlan.prepare(.init(tasksPath: folder + "/t.jsonl", paths: [], sessionsRoot: folder + "/sessions",
                                                 leadOverride: "lee"))
        XCTAssertNil(again.items.first?.verdict, "the verdict in effect now is the later one, made on other content")
        XCTAssertEqual(again.warnings, ["left out 4 labels and verdicts of tasks not in \(folder!)/t.jsonl or made on other content (task_sha256 differs)"])
    }
}
