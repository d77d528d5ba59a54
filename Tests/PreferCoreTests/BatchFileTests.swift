import Foundation
import XCTest
@testable import PreferCore

/// The batch file (SPEC §10): settings read from TOML, every problem as `FILE:LINE: reason`.
final class BatchFileTests: XCTestCase {
    private let folder = SessionTempFolder()

    override func setUp() {
        let tasks = (1...6).map { #"{"id":"t\#($0)","prompt":"p","response_a":"a","response_b":"b"}"# }
        folder.write("b/t.jsonl", tasks.joined(separator: "\n") + "\n")
        folder.write("b/gold.jsonl", #"{"task":"t2","choice":"A"}"# + "\n" + #"{"task":"t5","choice":"B"}"# + "\n")
        folder.write("g.md", "# Guide\n")
    }

    private func failures(_ toml: String) -> [String] {
        folder.write("b/batch.toml", toml)
        do {
            _ = try BatchInputs.open(BatchFile.load(path: folder.file("b/batch.toml")))
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    func testAFullBatchFileIsReadWithPathsRelativeToItsFolder() throws {
        folder.write("b/batch.toml", """
            name = "batch-07"
            tasks = "t.jsonl"            # relative to this file
            guideline = "../g.md"
            scale = "likert5"
            overlap = 3
            max_overlap = 5
            order = "file"
            gold = "gold.jsonl"
            repeat_rate = 0.05
            require_read = true
            raters = ["ana", "bo", "chen"]
            claim_minutes = 0.5

            """)
        let inputs = try BatchInputs.open(BatchFile.load(path: folder.file("b/batch.toml")))
        let batch = inputs.batch
        XCTAssertEqual(batch.name, "batch-07")
        XCTAssertEqual(batch.tasks, folder.file("b/t.jsonl"))
        XCTAssertEqual(batch.guideline, folder.file("b/../g.md"))
        XCTAssertEqual(batch.scale, .likert5)
        XCTAssertEqual(batch.overlap, 3)
        XCTAssertEqual(batch.maxOverlap, 5)
        XCTAssertEqual(batch.order, .file)
        XCTAssertEqual(batch.repeatRate, 0.05)
        XCTAssertTrue(batch.requireRead)
        XCTAssertEqual(batch.raters, ["ana", "bo", "chen"])
        XCTAssertEqual(batch.claimMinutes, 0.5)
        XCTAssertEqual(batch.sha256, SHA256Hex.of(folder.bytes("b/batch.toml")))
        XCTAssertEqual(inputs.goldIndices, [1, 4])
        XCTAssertEqual(inputs.tasks.count, 6)
        XCTAssertEqual(inputs.guideline.text, "# Guide\n")
        XCTAssertTrue(batch.admits("bo"))
        XCTAssertFalse(batch.admits("dan"))
    }

    func testDefaultsLeaveOutTheOptionalKeys() throws {
        XCTAssertEqual(failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = 2\n"), [])
        let batch = try BatchFile.load(path: folder.file("b/batch.toml"))
        XCTAssertEqual(batch.maxOverlap, 2, "max_overlap defaults to overlap")
        XCTAssertEqual(batch.order, .shuffled)
        XCTAssertEqual(batch.scale, .pairwise)
        XCTAssertEqual(batch.repeatRate, 0)
        XCTAssertEqual(batch.claimMinutes, 15)
        XCTAssertNil(batch.raters)
        XCTAssertNil(batch.gold)
        XCTAssertTrue(batch.admits("anyone"))
    }

    func testEveryBadSettingIsNamedWithItsLine() {
        XCTAssertEqual(failures("""
            name = "x"
            tasks = "missing.jsonl"
            overlap = 0
            repeat_rate = 1.5
            colour = "red"
            order = "random"
            raters = [
              "ana",
              "../evil",
              "ana",
            ]
            claim_minutes = -1
            """), [
            "b/batch.toml:2: tasks file \"missing.jsonl\" not found (looked for b/t.jsonl)".replacingOccurrences(of: "b/t.jsonl", with: "b/missing.jsonl"),
            "b/batch.toml:3: \"overlap\" must be at least 1 (it is 0)",
            "b/batch.toml:4: \"repeat_rate\" must be between 0 and 1 (it is 1.5)",
            "b/batch.toml:5: unknown key \"colour\" (a batch file sets: name, tasks, guideline, scale, overlap, max_overlap, order, gold, repeat_rate, require_read, raters, claim_minutes)",
            "b/batch.toml:6: \"order\" must be one of \"shuffled\", \"file\" (it is \"random\")",
            "b/batch.toml:9: rater name \"../evil\" is not allowed: use letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters",
            "b/batch.toml:10: rater \"ana\" is listed twice",
            "b/batch.toml:12: \"claim_minutes\" must be more than 0 (it is -1.0)",
        ])
    }

    func testMaxOverlapBelowOverlapAndWrongTypesAreRefused() {
        XCTAssertEqual(failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = 3\nmax_overlap = 2\nrequire_read = \"yes\"\n"), [
            "b/batch.toml:4: \"max_overlap\" (2) must be at least \"overlap\" (3)",
            "b/batch.toml:5: \"require_read\" must be true or false (it is string)",
        ])
        XCTAssertEqual(failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = 2.5\n"),
                       ["b/batch.toml:3: \"overlap\" must be a whole number (it is floating-point number)"])
    }

    func testMissingKeysAndATableAreRefused() {
        XCTAssertEqual(failures("# only a comment\n[extra]\nx = 1\n"), [
            "b/batch.toml:2: unknown key \"extra\" (a batch file sets: name, tasks, guideline, scale, overlap, max_overlap, order, gold, repeat_rate, require_read, raters, claim_minutes)",
            "b/batch.toml: missing key \"name\"",
            "b/batch.toml: missing key \"tasks\"",
            "b/batch.toml: missing key \"overlap\"",
        ])
    }

    func testTOMLSyntaxErrorsCarryTheParsersLine() {
        let errors = failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = = 3\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("b/batch.toml:3: invalid TOML: "), errors[0])
    }

    func testAGoldIdMissingFromTheTaskFileIsAnErrorOnTheGoldLine() {
        folder.write("b/gold.jsonl", #"{"task":"t2","choice":"A"}"# + "\n" + #"{"task":"t99","choice":"B"}"# + "\n")
        XCTAssertEqual(failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = 2\ngold = \"gold.jsonl\"\n"),
                       ["b/gold.jsonl:2: gold answer for task \"t99\", which is not in b/t.jsonl"])
    }

    func testABrokenTaskFileIsReportedWithItsOwnLines() {
        folder.write("b/t.jsonl", #"{"id":"t1","prompt":"p","response_a":"a","response_b":"b"}"# + "\n{\n")
        let errors = failures("name = \"x\"\ntasks = \"t.jsonl\"\noverlap = 2\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("b/t.jsonl:2: "), errors[0])
    }
}
