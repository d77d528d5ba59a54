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
}
