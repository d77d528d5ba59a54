import Foundation
import XCTest
@testable import PreferCore

final class TaskFileTests: XCTestCase {
    private var folder: TaskFileScratch!

    override func setUpWithError() throws {
        folder = try TaskFileScratch()
    }

    private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func ids(_ file: TaskFile) -> [String] {
        (0..<file.count).map(file.id(at:))
    }
    private let line1 = #"{"id":"s1","prompt":"Say \"hi\"","response_a":"Hi!\n\u00e9","response_b":"Hello 🚀","model_a":"gpt-4","model_b":"claude-v1","category":"writing","score":1.50,"tags":["a",{"b":null}]}"#
    private let line3 = #"{"id":"c1","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a1","name":"x"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"b1"}],"model_a":"claude-v1","model_b":null}"#
    private let line4 = #"{"id":"p1","prompt":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"}],"response_a":"","response_b":"x","model_a":"gpt-4"}"#

    /// A file with every tolerance at once: BOM, CRLF, a blank line, whitespace around a
    /// line, and no final newline.
    private func tolerantFile() throws -> (path: String, bytes: [UInt8]) {
        let bytes = bom + Array((line1 + "\r\n   \r\n  " + line3 + "\t\r\n" + line4).utf8)
        return (try folder.write("tolerant.jsonl", bytes), bytes)
    }

    func testTheToleratedFormsLoadWithLinesIdsAndModels() throws {
        let (path, bytes) = try tolerantFile()
        let file = try TaskFile.load(path: path)
        XCTAssertEqual(file.path, path)
        XCTAssertEqual(file.count, 3)
                XCTAssertEqual((0..<3).map { file.id(at: $0) }, ["s1", "c1", "p1"])
        XCTAssertEqual((0..<3).map { file.line(at: $0) }, [1, 3, 4])
        XCTAssertEqual((0..<3).map { file.modelA(at: $0) }, ["gpt-4", "claude-v1", "gpt-4"])
        XCTAssertEqual((0..<3).map { file.modelB(at: $0) }, ["claude-v1", nil, nil])
        XCTAssertEqual(file.modelNames, ["gpt-4", "claude-v1"])
        XCTAssertEqual(file.index(of: "c1"), 1)
        XCTAssertNil(file.index(of: "C1"))
        XCTAssertEqual(file.sha256, ReferenceSHA256.hex(bytes))
    }

    /// Model names go through the one name interner (`NameTable`), which compares names as
    /// Swift does: "é" precomposed and e + U+0301 are one model, shown as first written, in
    /// `TaskFile` as in a report (before, `TaskFile` compared bytes and kept two).
    func testCanonicallyEquivalentModelNamesAreOneModelShownAsFirstWritten() throws {
        let lines = [#"{"id":"a","prompt":"p","response_a":"x","response_b":"y","model_a":"caf\u00e9","model_b":"m"}"#,
                     "{\"id\":\"b\",\"prompt\":\"p\",\"response_a\":\"x\",\"response_b\":\"y\",\"model_a\":\"m\",\"model_b\":\"cafe\u{301}\"}"]
        let path = try folder.write("models.jsonl", lines.joined(separator: "\n"))
        for sliceSize in [1, 1 << 20] {
            let file = try TaskFile.load(path: path, sliceSize: sliceSize)
            XCTAssertEqual(file.modelNames, ["caf\u{E9}", "m"])
            XCTAssertEqual(file.modelB(at: 1), "caf\u{E9}")
            XCTAssertEqual(file.modelB(at: 1)?.unicodeScalars.count, 4)
        }
    }

    func testTaskHashesAreOfTheTrimmedLineWithoutTheBom() throws {
        let file = try TaskFile.load(path: try tolerantFile().path)
        XCTAssertEqual(try file.taskSHA256(at: 0), ReferenceSHA256.hex(Array(line1.utf8)))
        XCTAssertEqual(try file.taskSHA256(at: 1), ReferenceSHA256.hex(Array(line3.utf8)))
        XCTAssertEqual(try file.taskSHA256(at: 2), ReferenceSHA256.hex(Array(line4.utf8)))
        XCTAssertEqual(try file.task(at: 1).sha256, ReferenceSHA256.hex(Array(line3.utf8)))
    }

    func testTasksAreDecodedInFullWithExtraKeysInFileOrder() throws {
        let file = try TaskFile.load(path: try tolerantFile().path)
        XCTAssertEqual(try file.task(at: 0), PreferenceTask(
            id: "s1",
            content: .singleTurn(prompt: .text("Say \"hi\""), responseA: "Hi!\né", responseB: "Hello 🚀"),
            modelA: "gpt-4", modelB: "claude-v1",
            extra: [JSONMember("category", .string("writing")), JSONMember("score", .number("1.50")),
                    JSONMember("tags", .array([.string("a"), .object([JSONMember("b", .null)])]))],
            sha256: ReferenceSHA256.hex(Array(line1.utf8)), line: 1))
        XCTAssertEqual(try file.task(at: 1), PreferenceTask(
            id: "c1",
            content: .conversation(a: [Message(role: "user", content: "q"), Message(role: "assistant", content: "a1")],
                                   b: [Message(role: "user", content: "q"), Message(role: "assistant", content: "b1")]),
            modelA: "claude-v1", modelB: nil, extra: [], sha256: ReferenceSHA256.hex(Array(line3.utf8)), line: 3))
        XCTAssertEqual(try file.task(at: 2).content, .singleTurn(
            prompt: .messages([Message(role: "system", content: "be brief"), Message(role: "user", content: "hi")]),
            responseA: "", responseB: "x"))
    }

    /// The task as an independent full decode of its line would give it.
    private func fullDecode(_ line: String, number: Int) throws -> PreferenceTask {
        let value = try JSONParser.parse(line)
        let members = try XCTUnwrap(value.objectValue)
        func messages(_ v: JSONValue?) -> [Message] {
            (v?.arrayValue ?? []).map { Message(role: $0["role"]?.stringValue ?? "", content: $0["content"]?.stringValue ?? "") }
        }
        let known: Set = ["id", "prompt", "response_a", "response_b", "conversation_a", "conversation_b", "model_a", "model_b"]
        let content: TaskContent
        if value["conversation_a"] != nil {
            content = .conversation(a: messages(value["conversation_a"]), b: messages(value["conversation_b"]))
        } else {
            let prompt: Prompt = value["prompt"]?.stringValue.map { .text($0) } ?? .messages(messages(value["prompt"]))
            content = .singleTurn(prompt: prompt, responseA: value["response_a"]?.stringValue ?? "",
                                  responseB: value["response_b"]?.stringValue ?? "")
        }
        return PreferenceTask(id: value["id"]?.stringValue ?? "", content: content,
                              modelA: value["model_a"]?.stringValue, modelB: value["model_b"]?.stringValue,
                              extra: members.filter { !known.contains($0.key) },
                              sha256: ReferenceSHA256.hex(Array(line.utf8)), line: number)
    }

    /// Varied task lines: both forms, escapes, non-ASCII, extra keys, odd model names.
    private func variedLines(_ count: Int) -> [String] {
        (0..<count).map { n in
            let text = ["plain", #"quote \" and \\ slash"#, "é中🚀", #"\u001b[2J \ud83d\ude80"#, "tab\\tnew\\nline"][n % 5]
            let models = #","model_a":"m\#(n % 3)","model_b":"\#(n % 4 == 0 ? "m\\u0031" : "other")""#
            if n % 7 == 3 {
                return #"{"id":"c\#(n)","conversation_a":[{"role":"user","content":"\#(text)"}],"conversation_b":[{"role":"user","content":"x"},{"role":"assistant","content":"\#(text)"}]\#(models),"n":\#(n).0}"#
            }
            return #"{"meta":{"k":[\#(n),true]},"id":"t\#(n)","prompt":"\#(text)","response_a":"\#(text) \#(n)","response_b":"b"\#(models)}"#
        }
    }

    func testLazyTasksEqualAFullDecodeOfTheirLines() throws {
        let lines = variedLines(120)
        let path = try folder.write("varied.jsonl", lines.joined(separator: "\n") + "\n")
        let file = try TaskFile.load(path: path)
        XCTAssertEqual(file.count, lines.count)
        for (index, line) in lines.enumerated() {
            XCTAssertEqual(try file.task(at: index), try fullDecode(line, number: index + 1), line)
            XCTAssertEqual(file.modelA(at: index), "m\(index % 3)")
            XCTAssertEqual(file.modelB(at: index), index % 4 == 0 ? "m1" : "other")
        }
        XCTAssertEqual(Set(file.modelNames), ["m0", "m1", "m2", "other"])
    }

    func testManySlicesGiveTheSameResultAsOne() throws {
        var lines = variedLines(300)
        for k in stride(from: 5, to: 300, by: 37) { lines[k] = "  " + lines[k] + "\r" }
        for k in stride(from: 11, to: 300, by: 53) { lines.insert("", at: k) }
        let bytes = bom + Array(lines.joined(separator: "\n").utf8)
        let path = try folder.write("sliced.jsonl", bytes)
        let whole = try TaskFile.load(path: path)
        for sliceSize in [1, 100, 4096] {
            let sliced = try TaskFile.load(path: path, sliceSize: sliceSize)
            XCTAssertEqual(ids(sliced), ids(whole))
            XCTAssertEqual((0..<sliced.count).map(sliced.line(at:)), (0..<whole.count).map(whole.line(at:)))
            XCTAssertEqual((0..<sliced.count).map(sliced.modelB(at:)), (0..<whole.count).map(whole.modelB(at:)))
            XCTAssertEqual(sliced.sha256, ReferenceSHA256.hex(bytes))
            XCTAssertEqual(try sliced.task(at: 250), try whole.task(at: 250))
        }
    }

    func testProblemsFoundInDifferentSlicesComeOutInLineOrder() throws {
        var lines = variedLines(200)
        lines[150] = lines[3]            // duplicate id across slices
        lines[20] = "{oops"
        lines[199] = #"{"id":"z"}"#
        let path = try folder.write("bad.jsonl", lines.joined(separator: "\n"))
        let expected = [
            "\(path):21: invalid JSON at column 2: expected a string key in double quotes, found 'o'",
            "\(path):151: duplicate id \"c3\" (first on line 4)",
            "\(path):200: missing fields: a task needs \"prompt\", \"response_a\" and \"response_b\", or \"conversation_a\" and \"conversation_b\"",
        ]
        XCTAssertEqual(taskFileProblems(path), expected)
        XCTAssertEqual(taskFileProblems(path, sliceSize: 300), expected)
    }

    func testATenMebibyteLineLoadsAndDecodes() throws {
        let piece = #"Lorem ipsum é 中 \"quoted\" \\ \n"#
        let response = String(repeating: piece, count: (10 << 20) / piece.utf8.count + 1)
        let line = #"{"id":"big","prompt":"p","response_a":"\#(response)","response_b":"b"}"#
        XCTAssertGreaterThan(line.utf8.count, 10 << 20)
        let path = try folder.write("big.jsonl", TaskFileScratch.taskLine("small") + "\n" + line + "\n" + TaskFileScratch.taskLine("after") + "\n")
        let file = try TaskFile.load(path: path)
        XCTAssertEqual(ids(file), ["small", "big", "after"])
        XCTAssertEqual(file.line(at: 2), 3)
        guard case .singleTurn(_, let a, _) = try file.task(at: 1).content else { return XCTFail("wrong form") }
        let decodedPiece = "Lorem ipsum é 中 \"quoted\" \\ \n"
        XCTAssertEqual(a.utf8.count, decodedPiece.utf8.count * ((10 << 20) / piece.utf8.count + 1))
        XCTAssertTrue(a.hasPrefix(decodedPiece + decodedPiece))
    }

    func testEveryIdIsFoundByIndexIncludingEscapedOnes() throws {
        var lines = (0..<5000).map { TaskFileScratch.taskLine("task-\($0)-é") }
        lines.append(TaskFileScratch.taskLine(#"esc\u0061ped \"q\""#))
        let file = try TaskFile.load(path: try folder.write("ids.jsonl", lines.joined(separator: "\n")))
        for k in stride(from: 0, to: 5000, by: 7) {
            XCTAssertEqual(file.index(of: "task-\(k)-é"), k)
        }
        XCTAssertEqual(file.id(at: 5000), "escaped \"q\"")
        XCTAssertEqual(file.index(of: "escaped \"q\""), 5000)
        XCTAssertNil(file.index(of: "task-5000-é"))
        XCTAssertNil(file.index(of: ""))
    }

    func testReadingATaskFromAFileChangedSinceLoadingIsRefused() throws {
        let path = try folder.write("changing.jsonl", TaskFileScratch.taskLine("a") + "\n" + TaskFileScratch.taskLine("b") + "\n")
        let file = try TaskFile.load(path: path)
        // Rewrite in place (same inode), as an editor saving over the file might.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data((TaskFileScratch.taskLine("b") + "\n" + TaskFileScratch.taskLine("a") + "\n\n").utf8))
        handle.closeFile()
        XCTAssertThrowsError(try file.task(at: 1)) { error in
            XCTAssertEqual("\(error)", "\(path):2: the file changed after it was loaded; load it again")
        }
        XCTAssertThrowsError(try file.taskSHA256(at: 0))
    }

    func testReadingATaskFromAFileReplacedByRenameOrRemovedIsRefused() throws {
        let content = TaskFileScratch.taskLine("a") + "\n" + TaskFileScratch.taskLine("b") + "\n"
        let path = try folder.write("renamed.jsonl", content)
        let file = try TaskFile.load(path: path)
        XCTAssertEqual(try file.task(at: 0).id, "a")
        // The same bytes under a new inode, renamed over the path, as `mv` or a sync tool does.
        let other = try folder.write("renamed.jsonl.new", content)
        XCTAssertEqual(rename(other, path), 0)
        let reason = "the file was replaced or removed after it was loaded (its name no longer leads to the file "
            + "being labeled); start again to label it"
        XCTAssertThrowsError(try file.task(at: 1)) { error in
            XCTAssertEqual("\(error)", "\(path):2: " + reason)
        }
        XCTAssertEqual(unlink(path), 0)
        XCTAssertThrowsError(try file.taskSHA256(at: 0)) { error in
            XCTAssertEqual("\(error)", "\(path):1: " + reason)
        }
    }

    func testAFileSharedAcrossThreadsDecodesTasksConcurrently() throws {
        let lines = variedLines(64)
        let file = try TaskFile.load(path: try folder.write("shared.jsonl", lines.joined(separator: "\n")))
        let expected = try (0..<64).map { try fullDecode(lines[$0], number: $0 + 1) }
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            XCTAssertEqual(try? file.task(at: index), expected[index])
        }
    }
}
