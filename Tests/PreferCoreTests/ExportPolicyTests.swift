import XCTest
@testable import PreferCore

/// Majority, agreement and the DPO selection rules, item by item.
final class ExportPolicyTests: XCTestCase {
    func testTheMajorityIsTheStrictPluralityOrNothing() {
        XCTAssertEqual(ChoiceTally(["A", "A", "B"]).majority, "A")
        XCTAssertEqual(ChoiceTally(["A", "B", "tie", "tie"]).majority, "tie")
        XCTAssertNil(ChoiceTally(["A", "B"]).majority)
        XCTAssertNil(ChoiceTally(["A", "A", "both_bad", "both_bad"]).majority)
        XCTAssertNil(ChoiceTally([String]()).majority)
    }

    func testAgreementIsTheMajorityShareAndNullWithoutAMajority() {
        XCTAssertEqual(ChoiceTally(["A", "A", "B", "tie"]).agreement, 0.5)
        XCTAssertNil(ChoiceTally(["A", "B"]).agreement)
    }

    func testLikertStrengthsVoteForTheirSide() {
        let votes = PreferenceVotes(["A>>B", "A>B", "B>A"])
        XCTAssertEqual(votes.outcome, .prefers(.a))
        XCTAssertEqual(votes.winningCount, 2)
        XCTAssertEqual(votes.agreement, 2.0 / 3.0)
    }

    func testDPOSkipsTiesBothBadAndSplitsWithTheirReasons() {
        let options = ExportOptions(format: .dpo)
        XCTAssertEqual(DPORows.decide(["tie", "tie", "A"], options: options), .failure(.tie))
        XCTAssertEqual(DPORows.decide(["both_bad", "A", "both_bad"], options: options), .failure(.bothBad))
        XCTAssertEqual(DPORows.decide(["A", "B"], options: options), .failure(.split))
        XCTAssertEqual(DPORows.decide(["A", "A", "both_bad", "both_bad"], options: options), .failure(.split))
        XCTAssertEqual(DPORows.decide(["meh", "meh", "A"], options: options), .failure(.other))
        XCTAssertEqual(DPORows.decide(["A", "A", "B", "both_bad"], options: options), .success(.a))
        XCTAssertEqual(DPORows.decide(["B"], options: options), .success(.b))
    }

    func testMinVotesCountsAllLabelsOfTheItem() {
        let options = ExportOptions(format: .dpo, minVotes: 3)
        XCTAssertEqual(DPORows.decide(["A", "A"], options: options), .failure(.tooFewVotes))
        XCTAssertEqual(DPORows.decide(["A", "A", "tie"], options: options), .success(.a))
    }

    func testMinAgreementComparesTheWinningShareInclusively() {
        let options = ExportOptions(format: .dpo, minAgreement: 0.6)
        XCTAssertEqual(DPORows.decide(["A", "A", "A", "B", "tie"], options: options), .success(.a))
        XCTAssertEqual(DPORows.decide(["A", "A", "B", "tie"], options: options), .failure(.lowAgreement))
        XCTAssertEqual(DPORows.decide(["B", "B", "B", "A"], options: ExportOptions(format: .dpo, minAgreement: 0.75)),
                       .success(.b))
    }

    func testConversationsWithoutASharedStartGiveNoDPORow() {
        let a = [Message(role: "user", content: "x"), Message(role: "assistant", content: "1")]
        let b = [Message(role: "user", content: "y"), Message(role: "assistant", content: "2")]
        XCTAssertEqual(DPOTexts.make(.conversation(a: a, b: b), chosen: .a, conversational: true),
                       .failure(.noSharedPrompt))
        XCTAssertEqual(DPOTexts.make(.conversation(a: a, b: a), chosen: .a, conversational: true),
                       .failure(.nothingToCompare))
        XCTAssertEqual(DPOTexts.make(.conversation(a: a, b: Array(a.prefix(1))), chosen: .b, conversational: true),
                       .failure(.nothingToCompare))
    }

    func testAMessageListPromptKeepsItsMessagesAndWrapsTheResponses() throws {
        let prompt = Prompt.messages([Message(role: "system", content: "Be brief."), Message(role: "user", content: "Hi")])
        let texts = try DPOTexts.make(.singleTurn(prompt: prompt, responseA: "a", responseB: "b"),
                                      chosen: .b, conversational: false).get()
        XCTAssertEqual(JSONWriter.serialize(texts.prompt),
                       #"[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]"#)
        XCTAssertEqual(JSONWriter.serialize(texts.chosen), #"[{"role":"assistant","content":"b"}]"#)
        XCTAssertEqual(JSONWriter.serialize(texts.rejected), #"[{"role":"assistant","content":"a"}]"#)
    }

    func testWrappedPiecesAreTheSameJSONAsTheConversationalTexts() throws {
        let task = PreferenceTask(id: "t\u{202E}", content: .singleTurn(prompt: .text("P \u{1B}"), responseA: "a\n", responseB: "b"),
                                  modelA: "x", modelB: nil, extra: [], sha256: "", line: 1)
        let pieces = try DPORows.pieces(task, chosen: .b, choices: ["B"]).get()
        var line: [UInt8] = []
        pieces.appendLine(conversational: true, to: &line)
        let texts = try DPOTexts.make(task.content, chosen: .b, conversational: true).get()
        let parsed = try JSONParser.parse(line)
        XCTAssertEqual(parsed["prompt"], texts.prompt)
        XCTAssertEqual(parsed["chosen"], texts.chosen)
        XCTAssertEqual(parsed["rejected"], texts.rejected)
        XCTAssertEqual(parsed["chosen_model"], .null)
        XCTAssertEqual(parsed["rejected_model"], .string("x"))
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
    }

    func testTheDPOExportCountsEverySkippedItemByReason() throws {
        let f = ExportFixture()
        for id in ["a", "b", "c", "d", "e"] { f.addTask(id) }
        f.event("label", "a", choice: "A", second: 1)
        f.event("label", "a", choice: "A", rater: "bob", second: 1)
        f.event("label", "b", choice: "tie", second: 2)
        f.event("label", "c", choice: "both_bad", second: 3)
        f.event("label", "d", choice: "A", second: 4)
        f.event("label", "d", choice: "B", rater: "bob", second: 4)
        f.event("label", "e", choice: "B", second: 5)
        let (bytes, summary, _) = try f.export(ExportOptions(format: .dpo, minVotes: 2))
        XCTAssertEqual(try exportLines(bytes).map { $0["task"]!.stringValue! }, ["a"])
        XCTAssertEqual(summary.skipped, [.tooFewVotes: 3, .split: 1])
        let (_, loose, _) = try f.export(ExportOptions(format: .dpo))
        XCTAssertEqual(loose.skipped, [.tie: 1, .bothBad: 1, .split: 1])
        XCTAssertEqual(loose.rows, 2)
    }

    func testLabelsOfUnknownOrChangedTasksAreLeftOutWithWarnings() throws {
        let f = ExportFixture()
        f.addTask("kept")
        f.event("label", "kept", choice: "A", second: 1)
        f.event("label", "kept", choice: "B", rater: "bob", second: 2, sha: String(repeating: "0", count: 64))
        f.event("label", "gone", choice: "A", second: 3, sha: "x")
        let (bytes, summary, _) = try f.export(ExportOptions(format: .labels))
        XCTAssertEqual(try exportLines(bytes).map { $0["rater"]!.stringValue! }, ["ana"])
        XCTAssertEqual(summary.unknownTaskLabels, 1)
        XCTAssertEqual(summary.changedTaskLabels, 1)
        XCTAssertEqual(summary.warnings.count, 2)
        XCTAssertTrue(summary.warnings[0].reason.contains("names no task"), summary.warnings[0].reason)
        XCTAssertEqual(summary.warnings[0].line, 2)  // the second line of ana's file
        XCTAssertTrue(summary.warnings[1].reason.contains("other content"), summary.warnings[1].reason)
    }

    func testAggregateCountsFollowTheLikertScaleOfTheSessions() throws {
        let f = ExportFixture()
        f.addTask("k")
        f.raw(#"{"v":1,"type":"session_start","rater":"ana","at":"2026-11-28T09:59:00.000Z","scale":["A>>B","A>B","tie","B>A","B>>A"]}"# + "\n")
        f.event("label", "k", choice: "tie", second: 1)
        let lines = try exportLines(try f.export(ExportOptions(format: .aggregate)).bytes)
        XCTAssertEqual(JSONWriter.serialize(lines[0]["counts"]!), #"{"A>>B":0,"A>B":0,"tie":1,"B>A":0,"B>>A":0}"#)
    }

    func testNoLabelsGiveAnEmptyExport() throws {
        let f = ExportFixture()
        f.addTask("quiet")
        f.event("skip", "quiet", second: 1)
        for format in ExportFormat.allCases {
            let (bytes, summary, _) = try f.export(ExportOptions(format: format))
            XCTAssertEqual(bytes, [], "\(format)")
            XCTAssertEqual(summary.items, 0)
        }
    }
}
