import XCTest
@testable import PreferCore

/// `make-tasks` on the real MT-Bench questions and answers in `../shared/data/mt-bench`
/// (FastChat's files, used in place and never copied into the repository).
final class MakeTasksMTBenchTests: XCTestCase {
    static let folder: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/data/mt-bench").path
    }()

    private func inputs() throws -> BenchmarkInputs {
        guard FileManager.default.fileExists(atPath: Self.folder + "/question.jsonl") else {
            throw XCTSkip("the MT-Bench data is not at \(Self.folder)")
        }
        return try BenchmarkInputs.load(questionsPath: Self.folder + "/question.jsonl",
                                        answerPaths: [Self.folder + "/model_answer"])
    }

    private let three = ["gpt-4", "claude-v1", "gpt-3.5-turbo"]

    func testAllPairsOfThreeModelsOverBothTurnsGive480ValidTasks() throws {
        let made = try TaskMaker.make(try inputs(), options: MakeTasksOptions(models: three, pairs: .all, turns: .both, seed: 7))
        XCTAssertEqual(made.ids.count, 480)
        XCTAssertEqual(made.conversationCount, 240)
        XCTAssertEqual(made.missing, [])
        let folder = SessionTempFolder()
        folder.write("tasks.jsonl", String(decoding: made.bytes, as: UTF8.self))
        let file = try TaskFile.load(path: folder.file("tasks.jsonl"))
        XCTAssertEqual(file.count, 480)
        for model in three {
            let side = try XCTUnwrap(made.sides[model])
            XCTAssertEqual(side.a + side.b, 320, model)
            XCTAssertEqual(side.a, 160, "\(model) is A in \(side.a) of 320 tasks")
        }
        print("MT-Bench sides:", three.map { "\($0) A=\(made.sides[$0]!.a) B=\(made.sides[$0]!.b)" }.joined(separator: ", "))
    }

    func testATurnTwoTaskHoldsEachModelsOwnFirstAnswer() throws {
        let inputs = try inputs()
        let made = try TaskMaker.make(inputs, options: MakeTasksOptions(models: three, pairs: .all, turns: .both, seed: 7))
        let folder = SessionTempFolder()
        folder.write("tasks.jsonl", String(decoding: made.bytes, as: UTF8.self))
        let file = try TaskFile.load(path: folder.file("tasks.jsonl"))
        var checked = 0
        for index in 0..<file.count {
            let task = try file.task(at: index)
            guard case .conversation(let a, let b) = task.content else { continue }
            let question = try XCTUnwrap(inputs.questions.first { $0.questionID == task.extra.first { $0.key == "question_id" }?.value })
            let answerA = try XCTUnwrap(inputs.answers[question.key]?[task.modelA!])
            let answerB = try XCTUnwrap(inputs.answers[question.key]?[task.modelB!])
            XCTAssertEqual(a.map(\.content), [question.turns[0], answerA.turns[0], question.turns[1], answerA.turns[1]])
            XCTAssertEqual(b.map(\.content), [question.turns[0], answerB.turns[0], question.turns[1], answerB.turns[1]])
            XCTAssertEqual(a.map(\.role), ["user", "assistant", "user", "assistant"])
            XCTAssertTrue(task.id.hasPrefix("mt\(question.idText)-t2-\(task.modelA!)-vs-\(task.modelB!)"))
            XCTAssertEqual(task.extra.map(\.key), ["category", "question_id", "turn"])
            XCTAssertEqual(task.extra.last?.value, .number("2"))
            checked += 1
        }
        XCTAssertEqual(checked, 240)
    }

    func testTheSameSeedGivesTheSameBytesAndAnotherSeedOtherSides() throws {
        let inputs = try inputs()
        let options = MakeTasksOptions(models: three, pairs: .all, turns: .both, seed: 7)
        let once = try TaskMaker.make(inputs, options: options)
        let twice = try TaskMaker.make(inputs, options: options)
        XCTAssertEqual(once.bytes, twice.bytes)
        var other = options
        other.seed = 8
        let different = try TaskMaker.make(inputs, options: other)
        XCTAssertNotEqual(once.ids, different.ids)
        XCTAssertEqual(Set(once.ids.map(Self.unordered)), Set(different.ids.map(Self.unordered)))
    }

    func testABaselineAgainstTwoModelsGives320Tasks() throws {
        let made = try TaskMaker.make(try inputs(), options: MakeTasksOptions(models: three, pairs: .baseline("gpt-4"), turns: .both))
        XCTAssertEqual(made.ids.count, 320)
        XCTAssertEqual(made.sides["gpt-4"]!.a + made.sides["gpt-4"]!.b, 320)
        XCTAssertEqual(made.sides["gpt-4"]!.a, 160)
    }

    /// `mt81-t1-x-vs-y` and `mt81-t1-y-vs-x` name the same comparison.
    static func unordered(_ id: String) -> String {
        let parts = id.components(separatedBy: "-vs-")
        let head = parts[0].split(separator: "-", maxSplits: 2).map(String.init)
        let prefix = head[0] + "-" + head[1]
        return prefix + "|" + [String(head[2]), parts[1]].sorted().joined(separator: "|")
    }
}
