import XCTest
@testable import PreferCore

/// Exports of one small study with undo, a relabel with a note, a skip, a torn tail, a
/// foreign minimal label, a conversation-form task and hostile characters; expected values
/// are worked out by hand from the events, not by the code under test.
final class ExportScenarioTests: XCTestCase {
    /// Escape, bidi override, zero-width space, a tag character, NUL, CR, DEL and a C1 control.
    static let hostile = "Sure\u{1B}[2J \u{202E}evil\u{202C} z\u{200B}w \u{E0041} nul\u{0}cr\r del\u{7F} c1\u{85} 東京 🙂"

    private func scenario() -> ExportFixture {
        let f = ExportFixture()
        f.addTask("t1", prompt: .string("Greet \u{202E}me"), a: Self.hostile, b: "Hello.",
                  extra: [JSONMember("category", .string("writing")), JSONMember("question_id", .number("81"))])
        f.addTask("t2", a: "Yes", b: "No", modelA: "m2", modelB: "m1")
        f.addConversation("t3",
                          a: [Message(role: "user", content: "Q1"), Message(role: "assistant", content: "A1"),
                              Message(role: "user", content: "Q2"), Message(role: "assistant", content: "A2")],
                          b: [Message(role: "user", content: "Q1"), Message(role: "assistant", content: "B1"),
                              Message(role: "user", content: "Q2"), Message(role: "assistant", content: "B2")],
                          extra: [JSONMember("turn", .number("2"))])
        f.addTask("t4")
        f.addTask("t5")
        f.event("label", "t1", choice: "A", second: 1)
        f.event("label", "t2", choice: "B", second: 2)
        f.event("undo", "t2", second: 3)
        f.event("label", "t2", choice: "A", second: 4, note: "changed my mind \u{1B}]0;x\u{7}")
        f.event("skip", "t5", second: 5)
        f.event("label", "t3", choice: "B", second: 6)
        f.event("label", "t1", choice: "B", rater: "bob", second: 1, left: "B", ms: 900)
        f.event("label", "t2", choice: "A", rater: "bob", second: 2)
        f.event("label", "t3", choice: "B", rater: "bob", second: 3)
        f.raw("{\"v\":1,\"type\":\"label\",\"rater\":\"bob\",\"task\":\"t5\",\"cho", rater: "bob")
        f.raw("{\"type\":\"label\",\"rater\":\"cy\",\"task\":\"t1\",\"choice\":\"A\"}\n", rater: "cy", file: "judge.jsonl")
        return f
    }

    func testLabelsExportHasOneLinePerEffectiveLabelInTaskThenRaterOrder() throws {
        let (bytes, summary, warnings) = try scenario().export(ExportOptions(format: .labels))
        let lines = try exportLines(bytes)
        XCTAssertEqual(lines.map { "\($0["task"]!.stringValue!)/\($0["rater"]!.stringValue!)/\($0["choice"]!.stringValue!)" },
                       ["t1/ana/A", "t1/bob/B", "t1/cy/A", "t2/ana/A", "t2/bob/A", "t3/ana/B", "t3/bob/B"])
        XCTAssertEqual(summary.rows, 7)
        XCTAssertEqual(summary.items, 3)
        XCTAssertEqual(warnings.map(\.reason), ["ignored a torn last line"])
    }

    func testALabelLineCarriesEveryFieldInTheDocumentedOrder() throws {
        let f = scenario()
        let (bytes, _, _) = try f.export(ExportOptions(format: .labels))
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[3]
        XCTAssertEqual(String(line), """
            {"task":"t2","rater":"ana","choice":"A","left":"A","ms":1500,"at":"2026-11-28T10:00:04.000Z",\
            "session":"s-ana","model_a":"m2","model_b":"m1","prompt":"Say hi.","response_a":"Yes",\
            "response_b":"No","note":"changed my mind \\u001b]0;x\\u0007","meta":{}}
            """)
    }

    func testAMinimalForeignLabelExportsNullsForWhatItLacks() throws {
        let lines = try exportLines(try scenario().export(ExportOptions(format: .labels)).bytes)
        let cy = lines[2]
        XCTAssertEqual(cy["left"], .null)
        XCTAssertEqual(cy["ms"], .null)
        XCTAssertEqual(cy["at"], .null)
        XCTAssertEqual(cy["session"], .null)
        XCTAssertEqual(cy["note"], .null)
        XCTAssertEqual(cy["meta"], .object([JSONMember("category", .string("writing")), JSONMember("question_id", .number("81"))]))
    }

    func testHostileTextIsSafeToCatAndDecodesToTheOriginal() throws {
        for format in ExportFormat.allCases {
            let (bytes, _, _) = try scenario().export(ExportOptions(format: format))
            XCTAssertTrue(isSafeToCat(bytes), "\(format) export is not safe to cat")
            XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("\\u202e"), "\(format)")
        }
        let lines = try exportLines(try scenario().export(ExportOptions(format: .labels)).bytes)
        XCTAssertEqual(lines[0]["response_a"]?.stringValue, Self.hostile)
        XCTAssertEqual(lines[0]["prompt"]?.stringValue, "Greet \u{202E}me")
    }

    func testAConversationTaskIsSplitAtItsSharedStart() throws {
        let lines = try exportLines(try scenario().export(ExportOptions(format: .labels)).bytes)
        let t3 = lines[5]
        XCTAssertEqual(JSONWriter.serialize(t3["prompt"]!), #"[{"role":"user","content":"Q1"}]"#)
        XCTAssertEqual(JSONWriter.serialize(t3["response_a"]!),
                       #"[{"role":"assistant","content":"A1"},{"role":"user","content":"Q2"},{"role":"assistant","content":"A2"}]"#)
        XCTAssertEqual(JSONWriter.serialize(t3["response_b"]!),
                       #"[{"role":"assistant","content":"B1"},{"role":"user","content":"Q2"},{"role":"assistant","content":"B2"}]"#)
    }

    func testAggregateCountsMajorityAndAgreementPerItem() throws {
        let lines = try exportLines(try scenario().export(ExportOptions(format: .aggregate)).bytes)
        XCTAssertEqual(lines.map { $0["task"]!.stringValue! }, ["t1", "t2", "t3"])
        XCTAssertEqual(JSONWriter.serialize(lines[0]["counts"]!), #"{"A":2,"B":1,"tie":0,"both_bad":0}"#)
        XCTAssertEqual(lines[0]["n"], .number("3"))
        XCTAssertEqual(lines[0]["majority"], .string("A"))
        XCTAssertEqual(lines[0]["agreement"], .number("0.6666666666666666"))
        XCTAssertEqual(lines[1]["majority"], .string("A"))
        XCTAssertEqual(lines[1]["agreement"], .number("1.0"))
        XCTAssertEqual(lines[2]["majority"], .string("B"))
        XCTAssertEqual(lines[2]["model_a"], .string("m1"))
    }

    func testDPORowsUseTheConversationalFormForEveryRowWhenOneTaskIsAConversation() throws {
        let (bytes, summary, _) = try scenario().export(ExportOptions(format: .dpo))
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(text.count, 3)
        XCTAssertTrue(summary.conversational)
        XCTAssertEqual(String(text[1]), """
            {"prompt":[{"role":"user","content":"Say hi."}],"chosen":[{"role":"assistant","content":"Yes"}],\
            "rejected":[{"role":"assistant","content":"No"}],"task":"t2","chosen_model":"m2","rejected_model":"m1",\
            "votes":{"chosen":2,"rejected":0,"tie":0,"both_bad":0,"n":2},"decided_by":"majority"}
            """)
        XCTAssertEqual(String(text[2]), """
            {"prompt":[{"role":"user","content":"Q1"}],"chosen":[{"role":"assistant","content":"B1"},\
            {"role":"user","content":"Q2"},{"role":"assistant","content":"B2"}],"rejected":[{"role":"assistant",\
            "content":"A1"},{"role":"user","content":"Q2"},{"role":"assistant","content":"A2"}],"task":"t3",\
            "chosen_model":"m2","rejected_model":"m1","votes":{"chosen":2,"rejected":0,"tie":0,"both_bad":0,"n":2},"decided_by":"majority"}
            """)
        let first = try exportLines(bytes)[0]
        XCTAssertEqual(first["chosen"]?.arrayValue?.first?["content"]?.stringValue, Self.hostile)
        XCTAssertEqual(first["votes"]?["chosen"], .number("2"))
        XCTAssertEqual(first["votes"]?["rejected"], .number("1"))
    }

    /// `Conversation.sharedPrefix`, the screen's rule: the prompt never takes a side's last
    /// message, so a conversation that is the start of the other (or equal to it) still has the
    /// reply the rater saw as its response; before, the export wrote `"response_a":[]`.
    /// Parsed with Foundation's `JSONSerialization`, not prefer's parser.
    func testAConversationThatIsTheStartOfTheOtherKeepsItsLastMessageAsItsResponse() throws {
        let q = Message(role: "user", content: "Q1"), r = Message(role: "assistant", content: "R1")
        let q2 = Message(role: "user", content: "Q2"), r2 = Message(role: "assistant", content: "R2")
        let f = ExportFixture()
        f.addConversation("start", a: [q, r], b: [q, r, q2, r2])
        f.addConversation("equal", a: [q, r], b: [q, r])
        f.addConversation("turn2", a: [q, r, q2, r2], b: [q, Message(role: "assistant", content: "S1"), q2, r2])
        for (k, id) in ["start", "equal", "turn2"].enumerated() { f.event("label", id, choice: "A", second: k) }
        let (bytes, _, _) = try f.export(ExportOptions(format: .labels))
        let rows = try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        func texts(_ value: Any?) -> [String] {
            (value as? [[String: String]] ?? []).map { "\($0["role"]!): \($0["content"]!)" }
        }
        XCTAssertEqual(rows.map { $0["task"] as? String }, ["start", "equal", "turn2"])
        XCTAssertEqual(rows.map { texts($0["prompt"]) }, [["user: Q1"], ["user: Q1"], ["user: Q1"]])
        XCTAssertEqual(rows.map { texts($0["response_a"]) },
                       [["assistant: R1"], ["assistant: R1"], ["assistant: R1", "user: Q2", "assistant: R2"]])
        XCTAssertEqual(rows.map { texts($0["response_b"]) },
                       [["assistant: R1", "user: Q2", "assistant: R2"], ["assistant: R1"],
                        ["assistant: S1", "user: Q2", "assistant: R2"]])
    }

    func testDPORowsAreStringsWhenNoTaskNeedsMessages() throws {
        let f = ExportFixture()
        f.addTask("p1", prompt: .string("P"), a: "good", b: "bad", modelA: "x", modelB: "y")
        f.event("label", "p1", choice: "A", second: 1)
        let (bytes, summary, _) = try f.export(ExportOptions(format: .dpo))
        XCTAssertFalse(summary.conversational)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), """
            {"prompt":"P","chosen":"good","rejected":"bad","task":"p1","chosen_model":"x","rejected_model":"y",\
            "votes":{"chosen":1,"rejected":0,"tie":0,"both_bad":0,"n":1},"decided_by":"majority"}\n
            """)
    }

    func testEveryExportIsTheSameBytesAcrossRunsAndWorkerCounts() throws {
        for format in ExportFormat.allCases {
            let f = scenario()
            let one = try f.export(ExportOptions(format: format), workers: 1).bytes
            let again = try f.export(ExportOptions(format: format), workers: 1).bytes
            let many = try f.export(ExportOptions(format: format), workers: 7).bytes
            XCTAssertFalse(one.isEmpty)
            XCTAssertEqual(one, again, "\(format)")
            XCTAssertEqual(one, many, "\(format)")
        }
    }
}
