import Foundation
import XCTest
@testable import PreferCore

/// The export's fast readers give exactly what the reference readers give.
final class EffectiveLabelIndexTests: XCTestCase {
    private func sorted(_ labels: [EffectiveLabel]) -> [EffectiveLabel] {
        labels.sorted {
            $0.task != $1.task ? $0.task.utf8.lexicographicallyPrecedes($1.task.utf8)
                               : $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8)
        }
    }

    /// Random streams over few raters, tasks and seconds (so times tie often), in several
    /// files whose base names and paths order differently, with lines that have no `at`.
    func testRandomEventStreamsGiveTheReferenceLabels() {
        var rng = Xoshiro256StarStar(seed: 99)
        let files = ["b/2026-x.jsonl", "a/2026-x.jsonl", "a/2025-y.jsonl", "c/judge.jsonl"]
        for round in 0..<300 {
            var records: [SessionRecord] = []
            for file in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let count = Int(rng.below(12))
                for line in 1...max(count, 1) {
                    let type = ["label", "label", "undo", "skip", "session_start"][Int(rng.below(5))]
                    let second = Int(rng.below(4))
                    let at: Date? = rng.below(4) == 0 ? nil : Date(timeIntervalSince1970: 1_795_860_000 + Double(second))
                    records.append(SessionRecord(file: file, line: line, type: type, rater: ["ana", "bob"][Int(rng.below(2))],
                                                 at: at, atText: at.map(Timestamp.format), task: "t\(rng.below(3))",
                                                 choice: type == "label" ? ["A", "B", "tie"][Int(rng.below(3))] : nil))
                }
            }
            XCTAssertEqual(sorted(EffectiveLabelIndex.compute(records)), EffectiveLabels.compute(records), "round \(round)")
        }
    }

    func testTheParallelReaderGivesTheSameLogAsTheReference() throws {
        let folder = SessionTempFolder()
        for k in 0..<9 {
            var text = ""
            for line in 0..<(k * 3 + 1) {
                text += #"{"v":1,"type":"label","rater":"r\#(k)","at":"2026-11-28T10:00:0\#(line % 10).000Z","task":"t\#(line)","choice":"A"}"# + "\n"
            }
            if k == 4 { text += #"{"v":1,"type":"lab"# }
            folder.write("r\(k)/s\(k).jsonl", text)
        }
        let reference = try SessionReader.read(paths: [folder.path])
        for workers in [1, 2, 5] {
            XCTAssertEqual(try ParallelSessionReader.read(paths: [folder.path], workers: workers), reference)
        }
        XCTAssertEqual(reference.warnings.count, 1)
    }

    func testTheParallelReaderReportsDamageLikeTheReference() {
        let folder = SessionTempFolder()
        folder.write("a.jsonl", "{bad\n{\"type\":\"skip\",\"rater\":\"x\",\"task\":\"t\"}\n")
        folder.write("b.jsonl", "{\"type\":\"label\",\"rater\":\"x\"}\n\n")
        var reference: ValidationFailure?
        XCTAssertThrowsError(try SessionReader.read(paths: [folder.path])) { reference = $0 as? ValidationFailure }
        XCTAssertThrowsError(try ParallelSessionReader.read(paths: [folder.path, folder.file("missing")], workers: 2)) { error in
            XCTAssertEqual((error as? ValidationFailure)?.errors.dropFirst().map(\.description), reference?.errors.map(\.description))
            XCTAssertEqual((error as? ValidationFailure)?.errors.first?.file, folder.file("missing"))
        }
        XCTAssertEqual(reference?.errors.count, 2)
    }
}
