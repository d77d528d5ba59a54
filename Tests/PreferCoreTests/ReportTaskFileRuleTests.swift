import Foundation
import XCTest
@testable import PreferCore

/// Issue 12 item 10: `report --tasks` counted what `export` leaves out. SPEC §4 "one rule for
/// every command": labels of task ids not in the file and labels made on other content are left
/// out by both, with the same warnings; sittings on different guideline or task-file versions
/// are pooled only with a warning naming each version and its raters.
final class ReportTaskFileRuleTests: XCTestCase {
    static let t1 = #"{"id":"t1","prompt":"p","response_a":"a","response_b":"b","model_a":"x","model_b":"y"}"#
    static let t2 = #"{"id":"t2","prompt":"q","response_a":"a","response_b":"b","model_a":"y","model_b":"z"}"#

    func label(_ rater: String, _ task: String, _ choice: String, sha: String?) -> String {
        let hash = sha.map { ",\"task_sha256\":\"\($0)\"" } ?? ""
        return "{\"type\":\"label\",\"rater\":\"\(rater)\",\"task\":\"\(task)\"\(hash),\"choice\":\"\(choice)\",\"left\":\"A\"}\n"
    }

    func start(_ rater: String, guideline: String) -> String {
        "{\"type\":\"session_start\",\"rater\":\"\(rater)\",\"guideline\":\"g.md\",\"guideline_sha256\":\"\(guideline)\","
            + "\"tasks\":\"tasks.jsonl\",\"tasks_sha256\":\"cafe\"}\n"
    }

    func testReportLeavesOutWhatExportLeavesOutWithTheSameWarnings() throws {
        let folder = SessionTempFolder()
        folder.write("tasks.jsonl", Self.t1 + "\n" + Self.t2 + "\n")
        let s1 = SHA256Hex.of(text: Self.t1), s2 = SHA256Hex.of(text: Self.t2)
        // ana: t1 fine, t2 made on t1's content, t9 not in the file; bo: both fine; judge: a
        // minimal line (no task_sha256) counts.
        folder.write("sessions/ana/a.jsonl", label("ana", "t1", "A", sha: s1) + label("ana", "t2", "A", sha: s1)
                     + label("ana", "t9", "B", sha: s1))
        folder.write("sessions/bo/b.jsonl", label("bo", "t1", "B", sha: s1) + label("bo", "t2", "A", sha: s2))
        folder.write("sessions/judge.jsonl", label("judge", "t2", "B", sha: nil))
        let report = try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")], tasksPath: folder.file("tasks.jsonl"),
                                                           bootstrap: BootstrapSettings(resamples: 0)))
        let (labels, tasks) = try ExportInputs.read(sessionPaths: [folder.file("sessions")], tasksPath: folder.file("tasks.jsonl"),
                                                    keeping: .checks)
        let export = try Exporter.data(tasks: tasks, labels: labels, options: ExportOptions(format: .aggregate)).summary

        XCTAssertEqual(report.summary.labels, 4)
        XCTAssertEqual(report.summary.labels, export.labels)
        XCTAssertEqual(report.summary.items, export.items)
        XCTAssertEqual(report.coverage.labelsRead, 6)
        XCTAssertEqual([report.coverage.leftOutUnknownTask, report.coverage.leftOutChangedContent],
                       [export.unknownTaskLabels, export.changedTaskLabels])
        XCTAssertEqual([report.coverage.leftOutUnknownTask, report.coverage.leftOutChangedContent], [1, 1])
        XCTAssertEqual(report.coverage.firstUnknownTaskIds, ["t9"])
        // The same per-label warnings as the export's, then the count.
        let named = report.warnings.map(\.description).filter { $0.hasSuffix("; left out") }
        XCTAssertEqual(Set(named), Set(export.warnings.map(\.description)))
        XCTAssertEqual(named, [
            "\(folder.file("sessions/ana/a.jsonl")):3: label of task \"t9\" by \"ana\" names no task in \(folder.file("tasks.jsonl")); left out",
            "\(folder.file("sessions/ana/a.jsonl")):2: label of task \"t2\" by \"ana\" was made on other content (its task_sha256 differs from the task file's line); left out",
        ])
        XCTAssertTrue(report.warnings.map(\.reason).contains("left out in all: 1 label of tasks not in \(folder.file("tasks.jsonl")), 1 made on other content"))
        // Win rates count only what stands: t1 x–y: ana A (x), bo B (y); t2 y–z: bo A (y), judge B (z).
        XCTAssertEqual(report.summary.winRates.map { [$0.modelA, $0.modelB, "\($0.winsA)", "\($0.winsB)"] },
                       [["x", "y", "1", "1"], ["y", "z", "1", "1"]])
        XCTAssertEqual(report.summary.raterDetails.map(\.labels), [1, 2, 1])
    }

    /// A `task_sha256` written with an escape is compared decoded (the reader keeps such a line
    /// whole), and the rule walks every reader worker's labels: the same decisions with one
    /// worker and with several, and the same as the export's.
    func testEscapedHashesAndEveryReaderWorkerAreJudgedAlike() throws {
        let folder = SessionTempFolder()
        folder.write("tasks.jsonl", Self.t1 + "\n" + Self.t2 + "\n")
        let s1 = SHA256Hex.of(text: Self.t1), s2 = SHA256Hex.of(text: Self.t2)
        func escaped(_ hex: String) -> String { "\\u00" + String(format: "%02x", hex.utf8.first!) + hex.dropFirst() }
        for (k, rater) in ["ana", "bo", "cy", "di", "ed"].enumerated() {
            // Each rater: t1 with its hash escaped (stands), t2 with t1's hash (other content),
            // escaped for odd raters.
            let t2Hash = k % 2 == 1 ? escaped(s1) : s1
            folder.write("sessions/\(rater)/a.jsonl", label(rater, "t1", "A", sha: escaped(s1)) + label(rater, "t2", "A", sha: t2Hash)
                         + label(rater, "t1", "B", sha: k == 4 ? escaped(s2) : s1))
        }
        // A hash in capitals is not the one prefer writes (lowercase): other content, as the
        // export decides it.
        folder.write("sessions/fa/a.jsonl", label("fa", "t2", "A", sha: s2.uppercased()))
        let paths = [folder.file("sessions")], tasksPath = folder.file("tasks.jsonl")
        var seen: [[Int]] = []
        for workers in [1, 3] {
            let report = try ReportBuilder.build(ReportOptions(sessionPaths: paths, tasksPath: tasksPath,
                                                               bootstrap: BootstrapSettings(resamples: 0), workers: workers))
            seen.append([report.summary.labels, report.coverage.leftOutUnknownTask, report.coverage.leftOutChangedContent])
        }
        let (labels, tasks) = try ExportInputs.read(sessionPaths: paths, tasksPath: tasksPath, keeping: .checks)
        let export = try Exporter.data(tasks: tasks, labels: labels, options: ExportOptions(format: .aggregate)).summary
        // t1 relabeled: on its own content for four raters, with t2's (escaped) hash for ed.
        XCTAssertEqual(seen, [[4, 0, 7], [4, 0, 7]])
        XCTAssertEqual([export.labels, export.unknownTaskLabels, export.changedTaskLabels], [4, 0, 7])
    }

    func testARaterWhoseLabelsAreAllLeftOutIsNotListed() throws {
        let folder = SessionTempFolder()
        folder.write("tasks.jsonl", Self.t1 + "\n")
        folder.write("sessions/ana/a.jsonl", label("ana", "t1", "A", sha: nil))
        folder.write("sessions/bo/b.jsonl", label("bo", "elsewhere", "B", sha: nil))
        let report = try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")], tasksPath: folder.file("tasks.jsonl"),
                                                           bootstrap: BootstrapSettings(resamples: 0)))
        XCTAssertEqual(report.summary.raterDetails.map(\.rater), ["ana"])
        XCTAssertEqual(report.summary.items, 1)
    }

    func testSittingsOnDifferentVersionsArePooledWithAWarningNamingEachVersionAndItsRaters() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana/a.jsonl", start("ana", guideline: "aaaa1111aaaa1111") + label("ana", "t1", "A", sha: nil))
        folder.write("sessions/bo/b.jsonl", start("bo", guideline: "bbbb2222bbbb2222") + label("bo", "t1", "A", sha: nil))
        folder.write("sessions/cy/c.jsonl", start("cy", guideline: "aaaa1111aaaa1111") + label("cy", "t1", "B", sha: nil))
        let report = try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")], bootstrap: BootstrapSettings(resamples: 0)))
        XCTAssertEqual(report.warnings.map(\.reason), [
            "sittings were made on 2 versions of the guideline, pooled here: aaaa1111aaaa (\"g.md\") by \"ana\", \"cy\"; "
                + "bbbb2222bbbb (\"g.md\") by \"bo\"",
        ])
        // One version: no warning.
        folder.write("sessions/bo/b.jsonl", start("bo", guideline: "aaaa1111aaaa1111") + label("bo", "t1", "A", sha: nil))
        XCTAssertEqual(try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")],
                                                             bootstrap: BootstrapSettings(resamples: 0))).warnings, [])
    }
}
