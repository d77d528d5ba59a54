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

    /// Issue 11 item 12: likert5 both_bad (the x key) counts in exports as pairwise both_bad
    /// does: its own column and majority in aggregate, no dpo row for a both_bad decision.
    func testLikertBothBadIsItsOwnChoiceInAggregateAndGivesNoDPORow() throws {
        let likert = CLITempFolder()
        let scale = #"["A>>B","A>B","tie","B>A","B>>A"]"#
        likert.write("tasks.jsonl", (1...3).map { #"{"id":"t\#($0)","prompt":"p\#($0)","response_a":"a\#($0)","response_b":"b\#($0)","model_a":"x","model_b":"y"}"# }
            .joined(separator: "\n") + "\n")
        let votes = [("ana", "t1", "A>>B"), ("bo", "t1", "A>B"), ("cy", "t1", "both_bad"),
                     ("ana", "t2", "both_bad"), ("bo", "t2", "both_bad"), ("cy", "t2", "B>A"),
                     ("ana", "t3", "A>B"), ("bo", "t3", "A>B"), ("cy", "t3", "both_bad")]
        func sittings(_ votes: [(String, String, String)]) {
            for rater in ["ana", "bo", "cy"] {
                let lines = [#"{"v":1,"type":"session_start","session":"s-\#(rater)","rater":"\#(rater)","scale":\#(scale)}"#]
                    + votes.filter { $0.0 == rater }.map { #"{"v":1,"type":"label","session":"s-\#(rater)","rater":"\#(rater)","task":"\#($0.1)","choice":"\#($0.2)","left":"A"}"# }
                likert.write("sessions/\(rater)/s.jsonl", lines.joined(separator: "\n") + "\n")
            }
        }
        sittings(votes)
        let aggregate = MemorySink()
        _ = try run([likert.file("sessions"), "--tasks", likert.file("tasks.jsonl"), "--format", "aggregate"], stdout: aggregate)
        let rows = String(decoding: aggregate.bytes, as: UTF8.self).split(separator: "\n").map { String($0).components(separatedBy: #","model_a""#)[0] }
        XCTAssertEqual(rows, [
            #"{"task":"t1","n":3,"counts":{"A>>B":1,"A>B":1,"tie":0,"B>A":0,"B>>A":0,"both_bad":1},"majority":null,"agreement":null,"decision":null,"decided_by":null"#,
            #"{"task":"t2","n":3,"counts":{"A>>B":0,"A>B":0,"tie":0,"B>A":1,"B>>A":0,"both_bad":2},"majority":"both_bad","agreement":0.6666666666666666,"decision":"both_bad","decided_by":"majority""#,
            #"{"task":"t3","n":3,"counts":{"A>>B":0,"A>B":2,"tie":0,"B>A":0,"B>>A":0,"both_bad":1},"majority":"A>B","agreement":0.6666666666666666,"decision":"A>B","decided_by":"majority""#,
        ])
        let dpo = MemorySink()
        let summary = try run([likert.file("sessions"), "--tasks", likert.file("tasks.jsonl"), "--format", "dpo"], stdout: dpo)
        let chosen = String(decoding: dpo.bytes, as: UTF8.self).split(separator: "\n").map { line -> String in
            let row = try? JSONParser.parse(Array(line.utf8))
            return (row?["task"]?.stringValue ?? "?") + ":" + (row?["chosen"]?.stringValue ?? "?") + ":"
                + JSONWriter.serialize(row?["votes"] ?? .null)
        }
        XCTAssertEqual(chosen, [#"t1:a1:{"chosen":2,"rejected":0,"tie":0,"both_bad":1,"n":3}"#,
                                #"t3:a3:{"chosen":2,"rejected":0,"tie":0,"both_bad":1,"n":3}"#])
        XCTAssertEqual(summary.skipped[.bothBad], 1, "t2's decision is both_bad: no row, as on the pairwise scale")
        // Without a both_bad label the counts have no both_bad key, as before.
        sittings(votes.filter { $0.2 != "both_bad" })
        let before = MemorySink()
        _ = try run([likert.file("sessions"), "--tasks", likert.file("tasks.jsonl"), "--format", "aggregate"], stdout: before)
        let plain = String(decoding: before.bytes, as: UTF8.self)
        XCTAssertTrue(plain.hasPrefix(
            #"{"task":"t1","n":2,"counts":{"A>>B":1,"A>B":1,"tie":0,"B>A":0,"B>>A":0},"majority":null"#), plain)
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

    /// Issue 11 item 11: labels that match no task of `--tasks` wrote `0 lines` and exited 0.
    func testLabelsForNoTaskOfTheFileAreExitOneNamingTheFirstUnknownIds() throws {
        folder.write("other.jsonl", #"{"id":"z1","prompt":"p","response_a":"a","response_b":"b"}"# + "\n")
        folder.write("o.jsonl", "kept\n")
        let messages = CapturedMessages()
        XCTAssertThrowsError(try run([folder.file("sessions"), "--tasks", folder.file("other.jsonl"), "-o", folder.file("o.jsonl")],
                                     messages: messages)) { error in
            let failure = error as? CommandFailure
            XCTAssertEqual(failure?.exitCode, 1)
            XCTAssertEqual(failure?.message, "2 labels, none for tasks of \(self.folder.file("other.jsonl")) — first unknown ids: "
                           + "\"t1\", \"t2\" (2 name no task in it). Nothing was exported.")
        }
        XCTAssertEqual(folder.bytes("o.jsonl"), Array("kept\n".utf8), "-o target untouched")
        XCTAssertTrue(messages.warnings.contains { $0.hasSuffix("label of task \"t2\" by \"bob\" names no task in \(folder.file("other.jsonl")); left out") },
                      "\(messages.warnings)")
    }

    /// The unknown-task labels of an export that did write lines are counted in a warning.
    func testLabelsOfTasksMissingFromTheFileAreCounted() throws {
        folder.write("sessions/cy/c.jsonl", #"{"type":"label","rater":"cy","task":"gone","choice":"A"}"# + "\n")
        let messages = CapturedMessages()
        let summary = try run([folder.file("sessions"), "--tasks", folder.file("tasks.jsonl"), "--format", "aggregate"], messages: messages)
        XCTAssertEqual(summary.unknownTaskLabels, 1)
        XCTAssertTrue(messages.warnings.contains("left out in all: 1 label of tasks not in \(folder.file("tasks.jsonl")), 0 made on other content"),
                      "\(messages.warnings)")
    }

    /// Issue 11 item 11: sessions without an effective label are exit 1, saying what was read.
    func testSessionsWithoutLabelsAreExitOne() {
        folder.write("empty/ana/a.jsonl", #"{"type":"skip","rater":"ana","task":"t1"}"# + "\n")
        XCTAssertThrowsError(try run([folder.file("empty"), "--tasks", folder.file("tasks.jsonl")])) { error in
            XCTAssertEqual((error as? CommandFailure)?.exitCode, 1)
            XCTAssertEqual((error as? CommandFailure)?.message,
                           "1 session file, 0 labels (0 label events, 0 undo events and 1 skip event leave no effective label); nothing was exported.")
        }
    }
}
