import Foundation
import XCTest
@testable import PreferCore

/// Every way a task file is refused, with the exact `FILE:LINE: reason` a lead sees.
final class TaskFileErrorTests: XCTestCase {
    private var folder: TaskFileScratch!

    override func setUpWithError() throws {
        folder = try TaskFileScratch()
    }

    /// Loads a file of `good` lines with `bad` on line 2 and returns the one problem.
    private func problem(_ bad: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = try folder.write("t.jsonl", TaskFileScratch.taskLine("ok") + "\n" + bad + "\n" + TaskFileScratch.taskLine("ok2") + "\n")
        let problems = taskFileProblems(path, file: file, line: line)
        XCTAssertEqual(problems.count, 1, "\(problems)", file: file, line: line)
        return problems.first.map { String($0.dropFirst(path.count + 1)) } ?? ""
    }

    func testALineOverTheLimitNamesItsLargestFieldAndIsNeverHeldWhole() throws {
        let big = String(repeating: "y", count: 17_000_000)
        XCTAssertEqual(try problem(#"{"id":"t1","prompt":"p","response_a":"hi","response_b":""# + big + #""}"#),
                       "2: response_b is 17 MB; the limit is 16 MB per task line")
        let nested = #"{"id":"t1","conversation_a":[{"role":"user","content":""# + big + #""}],"x":1}"#
        XCTAssertEqual(try problem(nested), "2: conversation_a is 17 MB; the limit is 16 MB per task line")
        XCTAssertEqual(try problem(String(repeating: "z", count: 16_500_000)), "2: the line is 16.5 MB; the limit is 16 MB per task line")
    }

    func testALineJustUnderTheLimitLoads() throws {
        let path = try folder.write("t.jsonl", TaskFileScratch.taskLine("ok", response: String(repeating: "y", count: 15_900_000)) + "\n")
        XCTAssertEqual(try TaskFile.load(path: path).count, 1)
    }

    func testInvalidJSONNamesTheColumnAndTheReason() throws {
        XCTAssertEqual(try problem(#"{"id":"t1","prompt":"Say hi","response_a":"hi","response_b":"fine" "model_a":"m"}"#),
                       "2: invalid JSON at column 68: expected ',' or '}' after an object member")
        XCTAssertEqual(try problem(#"{"id":"t1",}"#), "2: invalid JSON at column 12: trailing comma before '}'")
        XCTAssertEqual(try problem(#"{"id":"t1""#), "2: invalid JSON at column 11: unexpected end of line")
        XCTAssertEqual(try problem("not json"), "2: invalid JSON at column 1: invalid literal; expected true, false or null")
        XCTAssertEqual(try problem(#"{"id":"t1","n":01}"#), "2: invalid JSON at column 16: a number must not have leading zeros")
    }

    func testColumnsCountFromTheLineStartIncludingLeadingWhitespaceAndWideCharacters() throws {
        XCTAssertEqual(try problem("   \t{\"id\":\"é中\" x}"), "2: invalid JSON at column 16: expected ',' or '}' after an object member")
    }

    func testInvalidUTF8NamesTheColumn() throws {
        let bytes = Array(TaskFileScratch.taskLine("ok").utf8) + [0x0A] + Array(#"{"id":"abcd"#.utf8) + [0xFF]
            + Array(#"","prompt":"p","response_a":"a","response_b":"b"}"#.utf8) + [0x0A]
        let path = try folder.write("u.jsonl", bytes)
        XCTAssertEqual(taskFileProblems(path), ["\(path):2: invalid UTF-8 at column 12"])
        // Overlong forms and encoded surrogates are invalid UTF-8 too.
        let overlong = try folder.write("o.jsonl", Array(#"{"id":"a"#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8))
        XCTAssertEqual(taskFileProblems(overlong), ["\(overlong):1: invalid UTF-8 at column 9"])
        let surrogate = try folder.write("s.jsonl", Array(#"{"id":"a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))
        XCTAssertEqual(taskFileProblems(surrogate), ["\(surrogate):1: invalid UTF-8 at column 9"])
    }

    func testNulBytesAreRefusedInsideAndOutsideStrings() throws {
        XCTAssertEqual(try problem("{\"id\":\"a\u{0}b\"}"), "2: invalid JSON at column 9: unescaped control character U+0000 in a string")
        XCTAssertEqual(try problem("\u{0}" + TaskFileScratch.taskLine("z")), "2: invalid JSON at column 1: expected a value, found U+0000")
    }

    func testDuplicateIdsNameTheFirstLine() throws {
        let path = try folder.write("d.jsonl", [TaskFileScratch.taskLine("a"), "", TaskFileScratch.taskLine("t1"), TaskFileScratch.taskLine("b"), TaskFileScratch.taskLine("t1"), TaskFileScratch.taskLine("t1")]
            .joined(separator: "\n"))
        XCTAssertEqual(taskFileProblems(path), [
            "\(path):5: duplicate id \"t1\" (first on line 3)",
            "\(path):6: duplicate id \"t1\" (first on line 3)",
        ])
    }

    func testDuplicateIdsAreFoundWhateverTheirSpelling() throws {
        let path = try folder.write("e.jsonl", [TaskFileScratch.taskLine("t1"), TaskFileScratch.taskLine(#"t\u0031"#)].joined(separator: "\n"))
        XCTAssertEqual(taskFileProblems(path), ["\(path):2: duplicate id \"t1\" (first on line 1)"])
    }

    func testDuplicateKeysInALineAreInvalidJSON() throws {
        XCTAssertEqual(try problem(#"{"id":"a","id":"b","prompt":"p","response_a":"a","response_b":"b"}"#),
                       "2: invalid JSON at column 11: duplicate key \"id\"")
    }

    func testMissingFieldsAreNamed() throws {
        XCTAssertEqual(try problem(#"{"prompt":"p","response_a":"a","response_b":"b"}"#), "2: missing field \"id\"")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a"}"#), "2: missing field \"response_b\"")
        XCTAssertEqual(try problem(#"{"id":"x","response_a":"a","response_b":"b"}"#), "2: missing field \"prompt\"")
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":[{"role":"user","content":"c"}]}"#),
                       "2: missing field \"conversation_b\"")
        XCTAssertEqual(try problem(#"{"id":"x","model_a":"m"}"#),
                       "2: missing fields: a task needs \"prompt\", \"response_a\" and \"response_b\", or \"conversation_a\" and \"conversation_b\"")
    }

    func testWrongTypesNameWhatWasFound() throws {
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":["a"],"response_b":"b"}"#),
                       "2: \"response_a\" must be a string, found an array")
        XCTAssertEqual(try problem(#"{"id":7,"prompt":"p","response_a":"a","response_b":"b"}"#),
                       "2: \"id\" must be a string, found a number")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":{"text":"p"},"response_a":"a","response_b":"b"}"#),
                       "2: \"prompt\" must be a string or an array of messages, found an object")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a","response_b":null}"#),
                       "2: \"response_b\" must be a string, found null")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a","response_b":"b","model_a":3}"#),
                       "2: \"model_a\" must be a string, found a number")
        XCTAssertEqual(try problem("[1,2]"), "2: a task must be a JSON object, found an array")
        XCTAssertEqual(try problem("\"text\""), "2: a task must be a JSON object, found a string")
    }

    func testIdsMustBeShortAndFreeOfControlCharacters() throws {
        let rule = "2: \"id\" must be 1–200 characters, not only spaces, without control or invisible format characters (bidi overrides, zero-width spaces)"
        XCTAssertEqual(try problem(#"{"id":"","prompt":"p","response_a":"a","response_b":"b"}"#), rule)
        XCTAssertEqual(try problem(TaskFileScratch.taskLine(String(repeating: "é", count: 201))), rule)
        XCTAssertEqual(try problem(TaskFileScratch.taskLine(#"a\u0007b"#)), rule)
        XCTAssertEqual(try problem(TaskFileScratch.taskLine("a\u{7F}b")), rule)
        XCTAssertEqual(try problem(TaskFileScratch.taskLine("a\u{85}b")), rule)
        XCTAssertEqual(try problem(TaskFileScratch.taskLine(#"a\u0085b"#)), rule)
        // 200 characters (400 bytes) is still fine.
        let path = try folder.write("ok.jsonl", TaskFileScratch.taskLine(String(repeating: "é", count: 200)))
        XCTAssertEqual(try TaskFile.load(path: path).id(at: 0), String(repeating: "é", count: 200))
    }

    func testIdsThatLookAlikeOrLookEmptyAreRefused() throws {
        // Issue 12 item 13: checked like rater names, so what a screen shows is the id.
        let rule = "2: \"id\" must be 1–200 characters, not only spaces, without control or invisible format characters (bidi overrides, zero-width spaces)"
        for id in ["   ", "\u{3000}", #"\u00a0 "#, "task-1\u{202E}", #"task\u200b1"#, "task-1\u{FEFF}", "a\u{2066}b\u{2069}", "t\u{E0041}"] {
            XCTAssertEqual(try problem(TaskFileScratch.taskLine(id)), rule, id)
        }
        // Canonically equal ids are one id: "é" precomposed and e + U+0301.
        let path = try folder.write("nfc.jsonl", TaskFileScratch.taskLine("caf\u{E9}") + "\n" + TaskFileScratch.taskLine("cafe\u{301}") + "\n")
        XCTAssertThrowsError(try TaskFile.load(path: path)) {
            XCTAssertEqual(($0 as? ValidationFailure)?.errors.map(\.description), ["\(path):2: duplicate id \"café\" (first on line 1)"])
        }
        // Still accepted: ids with inner spaces and letters of any script.
        let fine = try folder.write("fine.jsonl", TaskFileScratch.taskLine("a b") + "\n" + TaskFileScratch.taskLine("東京") + "\n")
        XCTAssertEqual(try TaskFile.load(path: fine).count, 2)
    }

    func testAnExtraKeyWithANumberBeyondADoubleIsRefused() throws {
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a","response_b":"b","score":1e999}"#),
                       #"2: "score" holds the number 1e999, which is beyond the range of a double (strict JSON readers refuse it)"#)
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a","response_b":"b","meta":{"s":[1,-2E400]}}"#),
                       #"2: "meta" holds the number -2E400, which is beyond the range of a double (strict JSON readers refuse it)"#)
        let fine = try folder.write("fine.jsonl", #"{"id":"x","prompt":"p","response_a":"a","response_b":"b","score":1e300,"tiny":1e-999,"n":81}"# + "\n")
        XCTAssertEqual(try TaskFile.load(path: fine).count, 1)
    }

    func testATaskHasOneFormOnly() throws {
        XCTAssertEqual(try problem(#"{"id":"x","prompt":"p","response_a":"a","response_b":"b","conversation_a":[],"conversation_b":[]}"#),
                       "2: a task has either \"prompt\"/\"response_a\"/\"response_b\" or \"conversation_a\"/\"conversation_b\", not both")
    }

    func testConversationsAndMessagesAreChecked() throws {
        let ok = #"[{"role":"user","content":"c"}]"#
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":[],"conversation_b":\#(ok)}"#),
                       "2: \"conversation_a\" must be a non-empty array of messages, found an empty array")
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":\#(ok),"conversation_b":"text"}"#),
                       "2: \"conversation_b\" must be a non-empty array of messages, found a string")
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":\#(ok),"conversation_b":[{"role":"user","content":"c"},"hi"]}"#),
                       "2: message 2 of \"conversation_b\" must be an object with string \"role\" and \"content\", found a string")
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":[{"role":"user"}],"conversation_b":\#(ok)}"#),
                       "2: message 1 of \"conversation_a\" has no \"content\"")
        XCTAssertEqual(try problem(#"{"id":"x","conversation_a":[{"content":"c","role":1}],"conversation_b":\#(ok)}"#),
                       "2: \"role\" of message 1 of \"conversation_a\" must be a string, found a number")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":[{"role":"user","content":["parts"]}],"response_a":"a","response_b":"b"}"#),
                       "2: \"content\" of message 1 of \"prompt\" must be a string, found an array")
        XCTAssertEqual(try problem(#"{"id":"x","prompt":[],"response_a":"a","response_b":"b"}"#),
                       "2: \"prompt\" must be a non-empty array of messages, found an empty array")
    }

    func testDeepNestingAnywhereIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let line = #"{"id":"x","prompt":"p","response_a":"a","response_b":"b","meta":\#(deep)}"#
        // The task object is the first level, so the 511th bracket is the 513th level.
        XCTAssertEqual(try problem(line), "2: invalid JSON at column \(64 + 511 + 1): nesting deeper than 512 levels")
    }

    func testAFileWithoutTasksIsRefused() throws {
        let empty = try folder.write("empty.jsonl", "")
        XCTAssertEqual(taskFileProblems(empty), ["\(empty): the file holds no tasks"])
        let blank = try folder.write("blank.jsonl", [0xEF, 0xBB, 0xBF] + Array("\n  \r\n\t\n".utf8))
        XCTAssertEqual(taskFileProblems(blank), ["\(blank): the file holds no tasks"])
    }

    func testMissingFilesAndDirectoriesAreRefusedWithoutALine() throws {
        let missing = folder.path + "/none.jsonl"
        XCTAssertEqual(taskFileProblems(missing), ["\(missing): cannot be opened: No such file or directory"])
        XCTAssertEqual(taskFileProblems(folder.path), ["\(folder.path): is a directory, not a file"])
    }

    func testAPipeIsRefusedWithoutWaitingForAWriter() throws {
        let fifo = folder.path + "/pipe.jsonl"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(taskFileProblems(fifo), ["\(fifo): is not a regular file (prefer reads it more than once, so a pipe will not do)"])
    }

    func testABomAfterTheFirstLineIsAnError() throws {
        let path = try folder.write("bom.jsonl", Array(TaskFileScratch.taskLine("a").utf8) + [0x0A, 0xEF, 0xBB, 0xBF] + Array(TaskFileScratch.taskLine("b").utf8))
        XCTAssertEqual(taskFileProblems(path), ["\(path):2: invalid JSON at column 1: expected a value, found U+FEFF"])
    }

    func testOnlyTheFirstTwentyProblemsAreKeptAndTheRestCounted() throws {
        let lines = (1...50).map { $0 % 2 == 0 ? TaskFileScratch.taskLine("t\($0)") : "{bad \($0)" }
        let path = try folder.write("many.jsonl", lines.joined(separator: "\n"))
        do throws(ValidationFailure) {
            _ = try TaskFile.load(path: path)
            XCTFail("loaded")
        } catch {
            XCTAssertEqual(error.errors.map { $0.line ?? 0 }, Array(stride(from: 1, through: 39, by: 2)))
            XCTAssertEqual(error.omitted, 5)
            XCTAssertTrue(error.description.hasSuffix("\n… and 5 more problems"))
            XCTAssertEqual(error.errors[0].description, "\(path):1: invalid JSON at column 2: expected a string key in double quotes, found 'b'")
        }
    }
}
