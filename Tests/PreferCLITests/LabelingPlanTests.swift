import Foundation
@testable import PreferCLI
import PreferCore
import XCTest

/// What `prefer label` decides before the screen opens: which tasks a rater still has to do.
final class LabelingPlanTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "prefer-plan-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write("g.md", "# Guide\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    private func taskLine(_ id: String, _ answer: String = "x") -> String {
        #"{"id":"\#(id)","prompt":"p","response_a":"\#(answer)","response_b":"y"}"#
    }

    private func plan(rater: String? = "ana") throws -> LabelingPlan {
        try LabelingPlan.prepare(tasksPath: folder + "/t.jsonl", guidelinePath: folder + "/g.md",
                                 sessionsRoot: folder + "/sessions", raterOverride: rater, scale: .pairwise,
                                 requireRead: false)
    }

    /// Labels `ids` as rater ana in one sitting, with each task's current SHA-256.
    private func label(_ ids: [String], skip: [String] = []) throws {
        let tasks = try TaskFile.load(path: folder + "/t.jsonl")
        let writer = try SessionWriter.open(sessionsRoot: folder + "/sessions", rater: try RaterName("ana"), now: Date())
        defer { writer.close() }
        for id in ids {
            let index = try XCTUnwrap(tasks.index(of: id))
            try writer.append(SessionEvent(at: Date(), .label(LabelInfo(
                task: id, taskSHA256: try tasks.taskSHA256(at: index), choice: "A", left: .a, ms: 900))))
        }
        for id in skip { try writer.append(SessionEvent(at: Date(), .skip(task: id))) }
    }

    func testANewSittingOffersOnlyTasksNotYetLabeled() throws {
        try write("t.jsonl", (1...6).map { taskLine("t\($0)") }.joined(separator: "\n") + "\n")
        try label(["t1", "t2", "t4"], skip: ["t5"])
        let plan = try plan()
        XCTAssertEqual(plan.alreadyLabeled, 3)
        XCTAssertEqual(plan.queue.map { plan.tasks.id(at: $0) }, ["t3", "t5", "t6"], "a skipped task comes back")
    }

    func testATaskWhoseContentChangedIsOfferedAgain() throws {
        try write("t.jsonl", [taskLine("t1"), taskLine("t2")].joined(separator: "\n") + "\n")
        try label(["t1", "t2"])
        try write("t.jsonl", [taskLine("t1"), taskLine("t2", "edited")].joined(separator: "\n") + "\n")
        let plan = try plan()
        XCTAssertEqual(plan.alreadyLabeled, 1)
        XCTAssertEqual(plan.queue.map { plan.tasks.id(at: $0) }, ["t2"])
    }

    func testABadRaterNameIsBadInputBeforeAnyFileIsRead() throws {
        try write("t.jsonl", taskLine("t1") + "\n")
        XCTAssertThrowsError(try plan(rater: "../x")) { error in
            let failure = error as? CommandFailure
            XCTAssertEqual(failure?.exitCode, 2)
            XCTAssertTrue(failure?.message.contains("../x") ?? false, failure?.message ?? "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/sessions"))
    }

    func testAnInvalidTaskFileIsBadInputNamingTheLine() throws {
        try write("t.jsonl", taskLine("t1") + "\n" + taskLine("t1") + "\n")
        XCTAssertThrowsError(try plan()) { error in
            let failure = error as? CommandFailure
            XCTAssertEqual(failure?.exitCode, 2)
            XCTAssertTrue(failure?.message.contains("t.jsonl:2:") ?? false, failure?.message ?? "")
        }
    }
}
