import Foundation
import XCTest
@testable import PreferCLI
import PreferCore

final class ValidateCommandTests: XCTestCase {
    private let folder = CLITempFolder()

    override func setUp() {
        folder.write("t.jsonl", #"{"id":"t1","prompt":"p","response_a":"a","response_b":"b"}"# + "\n")
    }

    private func tasks() throws -> TaskFile { try TaskFile.load(path: folder.file("t.jsonl")) }

    func testGoldIdsMissingFromTheTaskFileAreErrorsWithTheirLines() throws {
        folder.write("gold.jsonl", #"{"task":"t1","choice":"A"}"# + "\n" + #"{"task":"t7","choice":"B"}"# + "\n")
        XCTAssertEqual(try InputFileCheck.check(folder.file("gold.jsonl")), "2 gold answers")
        XCTAssertThrowsError(try InputFileCheck.check(folder.file("gold.jsonl"), tasks: try tasks())) { error in
            XCTAssertEqual((error as? ValidationFailure)?.errors.map(\.description),
                           ["\(folder.file("gold.jsonl")):2: gold answer for task \"t7\", which is not in \(folder.file("t.jsonl"))"])
        }
    }

    func testSessionFoldersAreCheckedFileByFileWithTheirLines() throws {
        folder.write("s/ana/1.jsonl", #"{"v":1,"type":"label","rater":"ana","task":"t1","choice":"A"}"# + "\n")
        folder.write("s/bob/1.jsonl", #"{"v":1,"type":"label","rater":"bob","task":"t2","choice":"A"}"# + "\n" + "{\n" + #"{"type":"skip","rater":"bob","task":"t1"}"# + "\n")
        XCTAssertThrowsError(try InputFileCheck.check(folder.file("s"), tasks: try tasks())) { error in
            XCTAssertEqual((error as? ValidationFailure)?.errors.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0)" },
                           ["1.jsonl:1", "1.jsonl:2"])
        }
        folder.write("s/bob/1.jsonl", #"{"v":1,"type":"label","rater":"bob","task":"t1","choice":"B"}"# + "\n")
        XCTAssertEqual(try InputFileCheck.check(folder.file("s"), tasks: try tasks()), "2 session files, 2 events, 2 labels")
    }

    /// Issue 11 item 12: a likert5 sitting records both_bad with x; validate takes it (labels
    /// and verdicts) and still refuses a choice on no scale, listing what the sitting takes.
    func testALikertSittingMayRecordBothBadAndStillNotAnUnknownChoice() throws {
        let start = #"{"v":1,"type":"session_start","session":"s1","rater":"ana","scale":["A>>B","A>B","tie","B>A","B>>A"]}"#
        func label(_ choice: String, type: String = "label") -> String {
            #"{"v":1,"type":"\#(type)","session":"s1","rater":"ana","task":"t1","choice":"\#(choice)"}"#
        }
        folder.write("s/ana/1.jsonl", [start, label("A>B"), label("both_bad"), label("both_bad", type: "adjudication")]
            .joined(separator: "\n") + "\n")
        XCTAssertEqual(try InputFileCheck.check(folder.file("s"), tasks: try tasks()), "1 session file, 4 events, 2 labels")
        folder.write("s/ana/1.jsonl", [start, label("both_bad"), label("C"), label("A")].joined(separator: "\n") + "\n")
        XCTAssertThrowsError(try InputFileCheck.check(folder.file("s"), tasks: try tasks())) { error in
            let scale = #"("A>>B", "A>B", "tie", "B>A", "B>>A", "both_bad")"#
            XCTAssertEqual((error as? ValidationFailure)?.errors.map { "\($0.line ?? 0): \($0.reason)" },
                           [#"3: choice "C" is not on the sitting's scale \#(scale)"#,
                            #"4: choice "A" is not on the sitting's scale \#(scale)"#])
        }
    }

    func testTheTasksOptionMustNameAValidTaskFile() throws {
        folder.write("broken.jsonl", "{\n")
        let command = try ValidateCommand.parse(["--tasks", folder.file("broken.jsonl"), folder.file("t.jsonl")])
        XCTAssertThrowsError(try command.run()) { error in
            XCTAssertEqual((error as? CommandFailure)?.exitCode, 2)
        }
    }
}
