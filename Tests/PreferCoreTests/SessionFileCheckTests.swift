import XCTest
@testable import PreferCore

final class SessionFileCheckTests: XCTestCase {
    private let folder = SessionTempFolder()
    private let start = #"{"v":1,"type":"session_start","session":"s1","rater":"ana","at":"2026-11-28T10:00:00.000Z","tasks":"t.jsonl","tasks_sha256":"x","scale":["A","B","tie","both_bad"]}"#

    private func label(_ task: String, _ choice: String, sha: String? = nil) -> String {
        var line = #"{"v":1,"type":"label","session":"s1","rater":"ana","at":"2026-11-28T10:00:01.000Z","task":"\#(task)","choice":"\#(choice)""#
        if let sha { line += #","task_sha256":"\#(sha)""# }
        return line + "}"
    }

    private func check(_ lines: [String], tail: String = "", tasks: TaskFile? = nil) -> FileCheckResult {
        SessionFileCheck.check(Array((lines.joined(separator: "\n") + "\n" + tail).utf8), file: "s.jsonl", tasks: tasks)
    }

    func testAGoodFileHasNoErrorsAndSaysWhatItHolds() {
        let result = check([start, label("t1", "A")])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.summary, "session file: 2 events, 1 label")
    }

    func testAChoiceOffTheSittingsScaleIsAnErrorWithItsLine() {
        let result = check([start, label("t1", "A>B")])
        XCTAssertEqual(result.errors.map(\.description),
                       [#"s.jsonl:2: choice "A>B" is not on the sitting's scale ("A", "B", "tie", "both_bad")"#])
    }

    func testDamageInTheMiddleIsAnErrorAndATornTailAWarning() {
        let result = check([start, "{oops", label("t1", "A")], tail: #"{"v":1,"type":"lab"#)
        XCTAssertEqual(result.errors.map(\.line), [2])
        XCTAssertEqual(result.warnings.map(\.description), ["s.jsonl:4: ignored a torn last line"])
    }

    func testUnknownTypesAndOddRaterNamesAreWarnings() {
        let result = check([#"{"type":"label","rater":"GPT 4 judge","task":"t1","choice":"A"}"#, #"{"type":"pause","rater":"ana"}"#])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.map(\.line), [1, 2])
    }

    func testAnAtGoingBackwardsInsideAFileIsAWarningOncePerStep() {
        let early = label("t1", "A").replacingOccurrences(of: "10:00:01.000Z", with: "09:00:00.000Z")
        let later = label("t2", "B").replacingOccurrences(of: "10:00:01.000Z", with: "09:00:05.000Z")
        let result = check([start, label("t1", "B"), early, later])
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.map(\.description), [
            #"s.jsonl:3: "at" goes back from 2026-11-28T10:00:01.000Z to 2026-11-28T09:00:00.000Z (the clock was set back); events are replayed in file order"#,
        ])
    }

    func testAgainstATaskFileUnknownIdsAreErrorsAndChangedContentAWarning() throws {
        folder.write("t.jsonl", #"{"id":"t1","prompt":"p","response_a":"a","response_b":"b"}"# + "\n")
        let tasks = try TaskFile.load(path: folder.file("t.jsonl"))
        let sha = try tasks.taskSHA256(at: 0)
        let result = check([start, label("t1", "A", sha: sha), label("t1", "B", sha: "0"), label("t9", "A")], tasks: tasks)
        XCTAssertEqual(result.errors.map(\.description), ["s.jsonl:4: task \"t9\" is not in \(folder.file("t.jsonl"))"])
        XCTAssertEqual(result.warnings.map(\.line), [1, 3])
    }
}
