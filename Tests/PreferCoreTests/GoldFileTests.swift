import XCTest
@testable import PreferCore

final class GoldFileTests: XCTestCase {
    private let folder = SessionTempFolder()

    private func tasks(_ ids: [String]) throws -> TaskFile {
        folder.write("tasks.jsonl", ids.map { #"{"id":"\#($0)","prompt":"p","response_a":"a","response_b":"b"}"# }.joined(separator: "\n"))
        return try TaskFile.load(path: folder.file("tasks.jsonl"))
    }

    func testEveryBadLineIsNamedWithItsLine() {
        folder.write("gold.jsonl", "\u{FEFF}{\"task\":\"t1\",\"choice\":\"A\"}\r\n\n{\"task\":\"t1\",\"choice\":\"B\"}\n[1]\n{\"task\":\"t2\"}\n{bad\n")
        XCTAssertThrowsError(try GoldFile.load(path: folder.file("gold.jsonl"))) { error in
            let lines = (error as? ValidationFailure)?.errors.map { "\($0.line ?? 0): \($0.reason)" } ?? []
            XCTAssertEqual(lines.count, 4)
            XCTAssertEqual(lines[0], "3: duplicate gold answer for task \"t1\" (first on line 1)")
            XCTAssertEqual(lines[1], "4: a gold line must be a JSON object")
            XCTAssertEqual(lines[2], "5: missing field \"choice\" (a non-empty string)")
            XCTAssertTrue(lines[3].hasPrefix("6: invalid JSON"), lines[3])
        }
    }

    func testGoldTaskIdsAreCheckedAgainstTheTaskFileInFileOrder() throws {
        folder.write("gold.jsonl", "{\"task\":\"zz\",\"choice\":\"A\"}\n{\"task\":\"t1\",\"choice\":\"B\"}\n{\"task\":\"aa\",\"choice\":\"tie\"}\n")
        let gold = try GoldFile.load(path: folder.file("gold.jsonl"))
        XCTAssertEqual(gold.taskIDsInFileOrder, ["zz", "t1", "aa"])
        XCTAssertEqual(gold.errors(against: try tasks(["t1"])).map(\.description), [
            "\(folder.file("gold.jsonl")):1: gold answer for task \"zz\", which is not in \(folder.file("tasks.jsonl"))",
            "\(folder.file("gold.jsonl")):3: gold answer for task \"aa\", which is not in \(folder.file("tasks.jsonl"))",
        ])
    }

    func testAChoiceOnNoKnownScaleIsAWarning() throws {
        folder.write("gold.jsonl", "{\"task\":\"t1\",\"choice\":\"a\"}\n{\"task\":\"t2\",\"choice\":\"A>B\"}\n")
        let gold = try GoldFile.load(path: folder.file("gold.jsonl"))
        XCTAssertEqual(gold.warnings.map { $0.line }, [1])
    }

    func testAnEmptyGoldFileIsRefused() {
        folder.write("gold.jsonl", "\n\n")
        XCTAssertThrowsError(try GoldFile.load(path: folder.file("gold.jsonl"))) { error in
            XCTAssertEqual("\(error)", "\(folder.file("gold.jsonl")): holds no gold answers")
        }
    }
}
