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

    func testConversationsWithoutASharedStartOrWhereOneIsTheStartOfTheOtherGiveNoDPORow() throws {
        let a = [Message(role: "user", content: "x"), Message(role: "assistant", content: "1")]
        let b = [Message(role: "user", content: "y"), Message(role: "assistant", content: "2")]
        let f = ExportFixture()
        f.addConversation("differ", a: a, b: b)
        f.addConversation("same", a: a, b: a)
        f.addConversation("shorter", a: a, b: Array(a.prefix(1)))
        f.addConversation("longer", a: a, b: a + b)
        for (k, id) in ["differ", "same", "shorter", "longer"].enumerated() { f.event("label", id, choice: "A", second: k) }
        let (bytes, summary, _) = try f.export(ExportOptions(format: .dpo))
        XCTAssertEqual(bytes, [])
        XCTAssertEqual(summary.skipped, [.noSharedPrompt: 1, .nothingToCompare: 3])
    }

    func testAMessageListPromptKeepsItsMessagesAndWrapsTheResponses() throws {
        let f = ExportFixture()
        f.addTask("m", prompt: .array([.object([JSONMember("role", .string("system")), JSONMember("content", .string("Be brief."))]),
                                       .object([JSONMember("role", .string("user")), JSONMember("content", .string("Hi"))])]),
                  a: "a", b: "b", modelA: "x", modelB: nil)
        f.event("label", "m", choice: "B", second: 1)
        let (bytes, _, _) = try f.export(ExportOptions(format: .dpo))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            {"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],\
            "chosen":[{"role":"assistant","content":"b"}],"rejected":[{"role":"assistant","content":"a"}],\
            "task":"m","chosen_model":null,"rejected_model":"x","votes":{"chosen":1,"rejected":0,"tie":0,"both_bad":0,"n":1},"decided_by":"majority"}\n
            """)
    }

    /// In a file that needs the conversational format, a plain-text task's row is wrapped as one
    /// user message and one assistant message per side (TRL and `datasets` need one type a column).
    func testAPlainTextTaskIsWrappedAsMessagesWhenTheFileIsConversational() throws {
        let f = ExportFixture()
        f.addTask("p", prompt: .string("P"), a: "a\n", b: "b", modelA: "x", modelB: nil)
        f.addTask("m", prompt: .array([.object([JSONMember("role", .string("user")), JSONMember("content", .string("Hi"))])]))
        f.event("label", "p", choice: "B", second: 1)
        f.event("label", "m", choice: "A", second: 2)
        let (bytes, summary, _) = try f.export(ExportOptions(format: .dpo))
        XCTAssertTrue(summary.conversational)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init), """
            {"prompt":[{"role":"user","content":"P"}],"chosen":[{"role":"assistant","content":"b"}],\
            "rejected":[{"role":"assistant","content":"a\\n"}],"task":"p","chosen_model":null,"rejected_model":"x",\
            "votes":{"chosen":1,"rejected":0,"tie":0,"both_bad":0,"n":1},"decided_by":"majority"}
            """)
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
