import Foundation
import XCTest
@testable import PreferCLI
import PreferCore

final class MakeTasksCommandTests: XCTestCase {
    private let folder = CLITempFolder()
    private static let mtBench: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/data/mt-bench").path
    }()

    private func run(_ arguments: [String], stdout: MemorySink = MemorySink(), messages: CapturedMessages = CapturedMessages()) throws -> MadeTasks {
        try MakeTasksRun(command: try MakeTasksCommand.parse(arguments))
            .execute(standardOutput: stdout, note: { messages.notes.append($0) }, warning: { messages.warnings.append($0) })
    }

    func testTheRealMTBenchAnswersGiveTheSameFileOnStdoutAndWithMinusO() throws {
        guard FileManager.default.fileExists(atPath: Self.mtBench + "/question.jsonl") else {
            throw XCTSkip("the MT-Bench data is not at \(Self.mtBench)")
        }
        let arguments = ["--questions", Self.mtBench + "/question.jsonl", "--answers", Self.mtBench + "/model_answer",
                         "--models", "gpt-4,claude-v1,gpt-3.5-turbo", "--pairs", "all", "--turns", "both", "--seed", "3"]
        let stdout = MemorySink()
        let messages = CapturedMessages()
        let made = try run(arguments, stdout: stdout, messages: messages)
        XCTAssertEqual(made.ids.count, 480)
        XCTAssertEqual(messages.warnings, [])
        XCTAssertEqual(messages.notes, ["wrote 480 tasks (240 in conversation form) to stdout; A/B per model: claude-v1 160/160, gpt-3.5-turbo 160/160, gpt-4 160/160"])
        _ = try run(arguments + ["-o", folder.file("tasks.jsonl")])
        XCTAssertEqual(folder.bytes("tasks.jsonl"), stdout.bytes)
        XCTAssertEqual(try TaskFile.load(path: folder.file("tasks.jsonl")).count, 480)
        let baseline = try run(["--questions", Self.mtBench + "/question.jsonl", "--answers", Self.mtBench + "/model_answer",
                                "--models", "gpt-4,claude-v1,gpt-3.5-turbo", "--pairs", "baseline:gpt-4"])
        XCTAssertEqual(baseline.ids.count, 320)
    }

    func testMissingAnswersAreWarnedAboutOnStderr() throws {
        folder.write("q.jsonl", #"{"question_id":1,"turns":["q1","q2"]}"# + "\n" + #"{"question_id":2,"turns":["r1","r2"]}"# + "\n")
        folder.write("a/x.jsonl", #"{"question_id":1,"model_id":"x","choices":[{"turns":["a","b"]}]}"# + "\n" + #"{"question_id":2,"model_id":"x","choices":[{"turns":["c","d"]}]}"#)
        folder.write("a/y.jsonl", #"{"question_id":1,"model_id":"y","choices":[{"turns":["e","f"]}]}"#)
        let messages = CapturedMessages()
        let made = try run(["--questions", folder.file("q.jsonl"), "--answers", folder.file("a")], messages: messages)
        XCTAssertEqual(made.ids.count, 2)
        XCTAssertEqual(messages.warnings, [#"question 2, turn 1: no answer from "y"; 1 comparison left out"#,
                                           #"question 2, turn 2: no answer from "y"; 1 comparison left out"#])
    }

    func testBadOptionsAndBadInputsAreExitTwo() throws {
        folder.write("q.jsonl", #"{"question_id":1,"turns":["q1"]}"# + "\n")
        folder.write("a.jsonl", #"{"question_id":1,"model_id":"x","choices":[{"turns":["a"]}]}"# + "\n{\n")
        XCTAssertThrowsError(try MakeTasksCommand.parse(["--questions", "q.jsonl"]), "--answers is required")
        XCTAssertThrowsError(try MakeTasksCommand.parse(["--answers", "a", "--turns", "3"]))
        for (arguments, fragment) in [
            (["--questions", folder.file("q.jsonl"), "--answers", folder.file("a.jsonl")], "a.jsonl:2:"),
            (["--questions", folder.file("q.jsonl"), "--answers", folder.file("a.jsonl"), "--pairs", "some"], "--pairs"),
            (["--questions", folder.file("q.jsonl"), "--answers", folder.file("missing.jsonl")], "missing.jsonl"),
        ] {
            XCTAssertThrowsError(try run(arguments + ["-o", folder.file("out.jsonl")])) { error in
                XCTAssertEqual((error as? CommandFailure)?.exitCode, 2, "\(arguments)")
                XCTAssertTrue((error as? CommandFailure)?.message.contains(fragment) == true, "\(error)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("out.jsonl")))
    }
}
