import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCLI
import PreferCore

/// A temporary folder for one CLI test, removed afterwards.
final class CLITempFolder {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "prefer-cli-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "prefer-cli-\(UUID())"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String) {
        let full = file(relative)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func bytes(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: file(relative)) ?? Data()) }
}

/// Messages a run printed, by kind.
final class CapturedMessages {
    var notes: [String] = []
    var warnings: [String] = []
}

final class ExportCommandTests: XCTestCase {
    private let folder = CLITempFolder()

    override func setUp() {
        let t1 = #"{"id":"t1","prompt":"Hi \u202e","response_a":"a\u001b[2J","response_b":"b","model_a":"x","model_b":"y"}"#
        let t2 = #"{"id":"t2","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a1"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"b1"}],"model_a":"y","model_b":"x"}"#
        folder.write("tasks.jsonl", t1 + "\n" + t2 + "\n")
        let sha1 = SHA256Hex.of(text: t1)
        let events = [
            #"{"v":1,"type":"label","session":"s","rater":"ana","at":"2026-11-28T10:00:01.000Z","task":"t1","task_sha256":"\#(sha1)","choice":"B","left":"A","ms":10}"#,
            #"{"v":1,"type":"undo","session":"s","rater":"ana","at":"2026-11-28T10:00:02.000Z","task":"t1"}"#,
            #"{"v":1,"type":"label","session":"s","rater":"ana","at":"2026-11-28T10:00:03.000Z","task":"t1","task_sha256":"\#(sha1)","choice":"A","left":"A","ms":12,"note":"sure"}"#,
            #"{"v":1,"type":"skip","session":"s","rater":"ana","at":"2026-11-28T10:00:04.000Z","task":"t2"}"#,
        ]
        folder.write("sessions/ana/a.jsonl", events.joined(separator: "\n") + "\n")
        folder.write("sessions/bob/b.jsonl", #"{"type":"label","rater":"bob","task":"t2","choice":"B"}"# + "\n" + #"{"type":"lab"#)
    }

    private func run(_ arguments: [String], stdout: MemorySink = MemorySink(), messages: CapturedMessages = CapturedMessages()) throws -> ExportSummary {
        let command = try ExportCommand.parse(arguments)
        return try ExportRun(command: command).execute(standardOutput: stdout, note: { messages.notes.append($0) },
                                                        warning: { messages.warnings.append($0) })
    }

    func testMinusOWritesTheSameBytesAsStandardOutputForEveryFormat() throws {
        for format in ExportFormat.allCases {
            let stdout = MemorySink()
            _ = try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "--format", format.rawValue], stdout: stdout)
            _ = try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "--format", format.rawValue,
                         "-o", folder.file("out-\(format).jsonl")])
            XCTAssertFalse(stdout.bytes.isEmpty, "\(format)")
            XCTAssertEqual(folder.bytes("out-\(format).jsonl"), stdout.bytes, "\(format)")
            var info = stat()
            XCTAssertEqual(stat(folder.file("out-\(format).jsonl"), &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o640)
        }
    }

    func testTheUndoneLabelIsGoneAndTheTornTailIsWarnedAbout() throws {
        let stdout = MemorySink()
        let messages = CapturedMessages()
        let summary = try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl")], stdout: stdout, messages: messages)
        let lines = String(decoding: stdout.bytes, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix(#"{"task":"t1","rater":"ana","choice":"A","left":"A","ms":12,"#), String(lines[0]))
        XCTAssertTrue(lines[0].contains(#""response_a":"a\u001b[2J""#))
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(messages.warnings, ["\(folder.file("sessions/bob/b.jsonl")):2: ignored a torn last line"])
        XCTAssertEqual(messages.notes, ["labels export: 2 lines to stdout from 2 effective labels on 2 items"])
    }

    func testTheDPOSummaryNamesTheFormatAndTheSkippedItems() throws {
        let messages = CapturedMessages()
        let stdout = MemorySink()
        _ = try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "--format", "dpo", "--min-votes", "1"],
                    stdout: stdout, messages: messages)
        XCTAssertEqual(messages.notes, ["dpo export: 2 lines to stdout from 2 effective labels on 2 items (conversational format)"])
        let first = try JSONParser.parse(Array(stdout.bytes.split(separator: 0x0A)[0]))
        XCTAssertEqual(JSONWriter.serialize(first["prompt"]!), #"[{"role":"user","content":"Hi \u202e"}]"#)
    }

    func testDPOOptionsWithAnotherFormatAreAUsageError() {
        XCTAssertThrowsError(try ExportCommand.parse(["--tasks", "t.jsonl", "--min-votes", "2"]))
        XCTAssertThrowsError(try ExportCommand.parse(["--tasks", "t.jsonl", "--format", "dpo", "--min-agreement", "1.5"]))
        XCTAssertThrowsError(try ExportCommand.parse(["--tasks", "t.jsonl", "--format", "dpo", "--min-votes", "0"]))
        XCTAssertThrowsError(try ExportCommand.parse(["sessions"]), "--tasks is required")
    }

    func testABadTaskFileIsExitTwoAndWritesNothing() {
        folder.write("bad.jsonl", "{\"id\":\"t1\"}\n")
        XCTAssertThrowsError(try run([folder.file("sessions"), "--tasks", folder.file("bad.jsonl"), "-o", folder.file("o.jsonl")])) { error in
            XCTAssertEqual((error as? CommandFailure)?.exitCode, 2)
            XCTAssertTrue((error as? CommandFailure)?.message.contains("bad.jsonl:1:") == true, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.file("o.jsonl")))
    }

    func testMinusOOnAnInputIsRefusedAndTheInputKept() {
        let before = folder.bytes("tasks.jsonl")
        XCTAssertThrowsError(try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "-o", folder.file("tasks.jsonl")])) { error in
            XCTAssertEqual((error as? CommandFailure)?.exitCode, 2)
        }
        XCTAssertEqual(folder.bytes("tasks.jsonl"), before)
    }

    func testAnOutputThatCannotBeCreatedIsARuntimeFailure() {
        XCTAssertThrowsError(try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "-o", folder.file("no/such/o.jsonl")])) { error in
            XCTAssertEqual((error as? CommandFailure)?.exitCode, 1)
        }
    }
}
