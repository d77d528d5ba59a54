import XCTest
@testable import PreferCore

/// `make-tasks` on small hand-written inputs in both layouts.
final class MakeTasksTests: XCTestCase {
    private let folder = SessionTempFolder()

    private func mtQuestion(_ id: Int, _ turns: [String], category: String = "writing") -> String {
        JSONWriter.serialize(.object([JSONMember("question_id", .number(String(id))), JSONMember("category", .string(category)),
                                      JSONMember("turns", .array(turns.map(JSONValue.string)))]))
    }

    private func mtAnswer(_ id: Int, _ model: String, _ turns: [String]) -> String {
        JSONWriter.serialize(.object([JSONMember("question_id", .number(String(id))), JSONMember("answer_id", .string("x")),
                                      JSONMember("model_id", .string(model)),
                                      JSONMember("choices", .array([.object([JSONMember("index", .number("0")),
                                                                             JSONMember("turns", .array(turns.map(JSONValue.string)))])]))]))
    }

    private func writeMTBench(answers: [String: [String]]) {
        folder.write("question.jsonl", [mtQuestion(1, ["Q1a", "Q1b"]), mtQuestion(2, ["Q2a", "Q2b"], category: "math")]
            .joined(separator: "\n") + "\n")
        for (model, lines) in answers { folder.write("answers/\(model).jsonl", lines.joined(separator: "\n") + "\n") }
    }

    private func loadMTBench() throws -> BenchmarkInputs {
        try BenchmarkInputs.load(questionsPath: folder.file("question.jsonl"), answerPaths: [folder.file("answers")])
    }

    private func lines(_ made: MadeTasks) throws -> [JSONValue] { try exportLines(made.bytes) }

    func testATurnOneTaskIsSingleTurnWithTheKeptKeys() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["x1a", "x1b"])], "y": [mtAnswer(1, "y", ["y1a", "y1b"])]])
        let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions(turns: .first, seed: 1))
        let line = String(decoding: made.bytes, as: UTF8.self)
        let expectedXFirst = #"{"id":"mt1-t1-x-vs-y","prompt":"Q1a","response_a":"x1a","response_b":"y1a","model_a":"x","model_b":"y","category":"writing","question_id":1,"turn":1}"# + "\n"
        let expectedYFirst = #"{"id":"mt1-t1-y-vs-x","prompt":"Q1a","response_a":"y1a","response_b":"x1a","model_a":"y","model_b":"x","category":"writing","question_id":1,"turn":1}"# + "\n"
        XCTAssertTrue(line == expectedXFirst || line == expectedYFirst, line)
    }

    func testTurnTwoAloneGivesOnlyConversationTasksWithEachSidesOwnHistory() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["x1a", "x1b"])], "y": [mtAnswer(1, "y", ["y1a", "y1b"])]])
        let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions(turns: .second, seed: 2))
        XCTAssertEqual(made.ids.count, 1)
        XCTAssertEqual(made.conversationCount, 1)
        let task = try lines(made)[0]
        let a = try XCTUnwrap(task["model_a"]?.stringValue)
        XCTAssertTrue(made.ids[0].hasPrefix("mt1-t2-\(a)-vs-"))
        XCTAssertEqual(task["conversation_a"]?.arrayValue?.map { $0["content"]?.stringValue ?? "" },
                       ["Q1a", "\(a)1a", "Q1b", "\(a)1b"])
        XCTAssertEqual(task["turn"], .number("2"))
        XCTAssertNil(task["prompt"])
    }

    func testAQuestionWithoutAnAnswerIsReportedNotDropped() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["x1a", "x1b"]), mtAnswer(2, "x", ["x2a", "x2b"])],
                               "y": [mtAnswer(1, "y", ["y1a"]), mtAnswer(2, "y", ["y2a", "y2b"])],
                               "z": [mtAnswer(1, "z", ["z1a", "z1b"])]])
        let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions())
        // Question 1: 3 pairs × 2 turns, less y's missing turn 2 (2 pairs); question 2: only x–y.
        XCTAssertEqual(made.ids.count, 4 + 2)
        XCTAssertEqual(made.missing.map(\.description), [
            #"question 1, turn 2: no answer from "y"; 2 comparisons left out"#,
            #"question 2, turn 1: no answer from "z"; 2 comparisons left out"#,
            #"question 2, turn 2: no answer from "z"; 2 comparisons left out"#,
        ])
    }

    func testSidesAreBalancedPerPairAcrossQuestions() throws {
        var answers: [String: [String]] = [:]
        var questions: [String] = []
        for q in 1...9 { questions.append(mtQuestion(q, ["a\(q)", "b\(q)"])) }
        for model in ["x", "y"] { answers[model] = (1...9).map { mtAnswer($0, model, ["\(model)\($0)a", "\(model)\($0)b"]) } }
        folder.write("question.jsonl", questions.joined(separator: "\n"))
        for (model, lines) in answers { folder.write("answers/\(model).jsonl", lines.joined(separator: "\n")) }
        for seed in UInt64(0)..<5 {
            let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions(seed: seed))
            XCTAssertEqual(made.ids.count, 18)
            XCTAssertEqual(made.sides["x"]!.a, 9, "seed \(seed)")
            XCTAssertEqual(made.sides["y"]!.a, 9, "seed \(seed)")
        }
    }

    func testSampleDrawsNDistinctPairsPerQuestionAmongModelsThatAnswered() throws {
        var questions: [String] = []
        var answers: [String: [String]] = [:]
        for q in 1...6 { questions.append(mtQuestion(q, ["a\(q)"])) }
        for model in ["m1", "m2", "m3", "m4"] {
            answers[model] = (1...6).filter { !(model == "m4" && $0 == 2) }.map { mtAnswer($0, model, ["\(model)-\($0)"]) }
        }
        folder.write("question.jsonl", questions.joined(separator: "\n"))
        for (model, lines) in answers { folder.write("answers/\(model).jsonl", lines.joined(separator: "\n")) }
        let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions(pairs: .sample(2), turns: .first, seed: 3))
        XCTAssertEqual(made.ids.count, 12)
        for q in 1...6 {
            let ids = made.ids.filter { $0.hasPrefix("mt\(q)-") }
            XCTAssertEqual(ids.count, 2)
            XCTAssertEqual(Set(ids.map(MakeTasksMTBenchTests.unordered)).count, 2)
            if q == 2 { XCTAssertFalse(ids.contains { $0.contains("m4") }) }
        }
        XCTAssertEqual(made.missing.map(\.description), [#"question 2, turn 1: no answer from "m4"; it was not drawn for this question"#])
        let again = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions(pairs: .sample(2), turns: .first, seed: 3))
        XCTAssertEqual(again.bytes, made.bytes)
    }

    func testAlpacaEvalArraysAndLinesJoinOnTheInstruction() throws {
        folder.write("a/model_outputs.json", """
            [
              {"instruction": "Name a color.", "output": "Blue", "generator": "alpha", "dataset": "helpful_base"},
              {"instruction": "Say \\u202e hi", "output": "hi\\u0000", "generator": "alpha"}
            ]
            """)
        folder.write("b.jsonl", """
            {"instruction":"Say \\u202e hi","output":"hello","generator":"beta"}
            {"instruction":"Name a color.","output":"Red","generator":"beta"}
            """)
        let inputs = try BenchmarkInputs.load(questionsPath: nil, answerPaths: [folder.file("a"), folder.file("b.jsonl")])
        XCTAssertEqual(inputs.layout, .alpacaEval)
        let made = try TaskMaker.make(inputs, options: MakeTasksOptions(seed: 0))
        let tasks = try lines(made)
        XCTAssertEqual(tasks.count, 2)
        XCTAssertEqual(tasks.map { $0["question_id"] }, [.number("1"), .number("2")])
        XCTAssertTrue(made.ids[0].hasPrefix("ae1-"))
        let second = tasks[1]
        XCTAssertEqual(second["prompt"]?.stringValue, "Say \u{202E} hi")
        let responses = [second["response_a"]?.stringValue, second["response_b"]?.stringValue]
        XCTAssertEqual(Set(responses.compactMap { $0 }), ["hi\u{0}", "hello"])
        XCTAssertTrue(isSafeToCat(made.bytes))
        XCTAssertNil(second["category"])
        XCTAssertEqual(tasks[0]["category"]?.stringValue, nil, "category comes from the questions file, absent here")
    }

    func testAlpacaEvalTakesTheDatasetAsCategoryFromAQuestionsFile() throws {
        folder.write("eval.json", #"[{"instruction":"Name a color.","output":"ref","generator":"ref","dataset":"koala"}]"#)
        folder.write("x.json", #"[{"instruction":"Name a color.","output":"Blue","generator":"x"}]"#)
        folder.write("y.json", #"[{"instruction":"Name a color.","output":"Red","generator":"y"}]"#)
        let inputs = try BenchmarkInputs.load(questionsPath: folder.file("eval.json"),
                                              answerPaths: [folder.file("x.json"), folder.file("y.json")])
        let made = try TaskMaker.make(inputs, options: MakeTasksOptions())
        XCTAssertEqual(try lines(made)[0]["category"], .string("koala"))
        XCTAssertThrowsError(try TaskMaker.make(inputs, options: MakeTasksOptions(turns: .second)))
    }

    func testBadAnswerLinesAreReportedWithFileAndLine() throws {
        folder.write("question.jsonl", mtQuestion(1, ["q"]))
        folder.write("answers/x.jsonl", mtAnswer(1, "x", ["a"]) + "\n\n" + #"{"question_id":1,"model_id":"y","choices":[]}"# + "\n{oops\n")
        XCTAssertThrowsError(try loadMTBench()) { error in
            guard case .invalidInput(let failure) = error as? MakeTasksError else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.errors.map { "\($0.line ?? 0): \($0.reason)" },
                           ["4: invalid JSON at column 2: expected a string key in double quotes, found 'o'"])
        }
        folder.write("answers/x.jsonl", mtAnswer(1, "x", ["a"]) + "\n\n" + #"{"question_id":1,"model_id":"y","choices":[]}"# + "\n")
        XCTAssertThrowsError(try loadMTBench()) { error in
            XCTAssertEqual("\(error)", "\(folder.file("answers/x.jsonl")):3: \"choices\" must be a non-empty array")
        }
    }

    func testASecondAnswerOfOneModelToOneQuestionIsAnError() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["a"]), mtAnswer(1, "x", ["b"])], "y": [mtAnswer(1, "y", ["c"])]])
        XCTAssertThrowsError(try loadMTBench()) { error in
            XCTAssertEqual("\(error)", "\(folder.file("answers/x.jsonl")):2: a second answer of \"x\" to the same question (first at \(folder.file("answers/x.jsonl")):1)")
        }
    }

    func testUnknownModelsAndTooFewModelsAreUsageErrors() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["a"])], "y": [mtAnswer(1, "y", ["c"])]])
        let inputs = try loadMTBench()
        XCTAssertThrowsError(try TaskMaker.make(inputs, options: MakeTasksOptions(models: ["x", "nope"]))) { error in
            XCTAssertEqual("\(error)", #"no answers from model "nope"; the answers are from "x", "y""#)
        }
        XCTAssertThrowsError(try TaskMaker.make(inputs, options: MakeTasksOptions(models: ["x"])))
        XCTAssertThrowsError(try PairMode(parsing: "sample:0"))
        XCTAssertEqual(try PairMode(parsing: "baseline:gpt-4"), .baseline("gpt-4"))
    }

    func testAnswersToUnknownQuestionsAreWarnedAbout() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["a"]), mtAnswer(99, "x", ["b"])], "y": [mtAnswer(1, "y", ["c"])]])
        let inputs = try loadMTBench()
        XCTAssertEqual(inputs.warnings, ["\(folder.file("answers/x.jsonl")):2: answer of \"x\" to question_id 99 that is not in \(folder.file("question.jsonl")); ignored"])
    }

    func testValidatedOutputRefusesNothingGoodAndWritesAtomically() throws {
        writeMTBench(answers: ["x": [mtAnswer(1, "x", ["a", "b"])], "y": [mtAnswer(1, "y", ["c", "d"])]])
        let made = try TaskMaker.make(try loadMTBench(), options: MakeTasksOptions())
        try ValidatedTaskOutput.write(made.bytes, to: folder.file("tasks.jsonl"), standardOutput: MemorySink())
        XCTAssertEqual(folder.bytes("tasks.jsonl"), made.bytes)
        XCTAssertEqual(sessionTestMode(folder.file("tasks.jsonl")), 0o644)
        let out = MemorySink()
        try ValidatedTaskOutput.write(made.bytes, to: nil, standardOutput: out)
        XCTAssertEqual(out.bytes, made.bytes)
    }

    func testInvalidOutputIsNeverWritten() {
        let bad = Array(#"{"id":"a","prompt":"p","response_a":"x"}"#.utf8) + [0x0A]
        let out = MemorySink()
        XCTAssertThrowsError(try ValidatedTaskOutput.write(bad, to: folder.file("t.jsonl"), standardOutput: out)) { error in
            XCTAssertTrue("\(error)".contains("\(folder.file("t.jsonl")):1: "), "\(error)")
        }
        XCTAssertThrowsError(try ValidatedTaskOutput.write(bad, to: nil, standardOutput: out))
        XCTAssertEqual(out.bytes, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("t.jsonl")))
    }
}
