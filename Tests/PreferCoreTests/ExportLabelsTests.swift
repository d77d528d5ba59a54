import Foundation
import XCTest
@testable import PreferCore

/// The export's labels are the reference's: `ExportLabels` (the report's reader, label fields kept)
/// gives the effective labels that `ReferenceSessionLog` (Foundation's `JSONSerialization`) +
/// `EffectiveLabels` give, field for field,
/// checks `task_sha256` as they would, and writes the same `labels` rows.
final class ExportLabelsTests: XCTestCase {
    private let folder = SessionTempFolder()

    /// Reads `text` as one session file both ways and compares labels, hash checks and rows.
    private func compare(_ text: String, round: Int, workers: Int = 1) {
        folder.write("s/r.jsonl", text)
        var reference: Result<[EffectiveLabel], ValidationFailure>
        do { reference = .success(EffectiveLabels.compute(try ReferenceSessionLog.log(paths: [folder.file("s")]).records)) }
        catch { reference = .failure(error) }
        var mine: Result<ExportLabels, ValidationFailure>
        do { mine = .success(try ExportLabels.read(paths: [folder.file("s")], workers: workers)) } catch { mine = .failure(error) }
        switch (reference, mine) {
        case (.failure(let expected), .failure(let found)):
            // The places of the errors; their reasons are held word for word by the reader tests.
            let place = { (error: InputError) in "\(error.file):\(error.line ?? 0)" }
            XCTAssertEqual(found.errors.map(place), expected.errors.prefix(SessionReader.errorLimit).map(place),
                           "round \(round): \(text)")
        case (.success(let expected), .success(let labels)):
            let found = (0..<labels.count).map { labels.label($0) }.sorted {
                $0.task != $1.task ? $0.task.utf8.lexicographicallyPrecedes($1.task.utf8) : $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8)
            }
            XCTAssertEqual(found, expected, "round \(round): \(text)")
            let pieces = Array(#"{"id":"t","prompt":"p","response_a":"a","response_b":"b"}"#.utf8).withUnsafeBytes {
                TaskLinePieces.make(validated: $0)!
            }
            // Visited back to front, so that visit positions differ from label positions.
            let visit = labels.visiting(Array((0..<labels.count).reversed()))
            for j in 0..<labels.count {
                let label = labels.label(j)
                let p = labels.count - 1 - j
                for sha in ["ab", "ba", Self.shaA, Self.shaB] {
                    XCTAssertEqual(labels.madeOn(j, sha256: sha), label.taskSHA256 == nil || label.taskSHA256 == sha, "round \(round): \(text)")
                    XCTAssertEqual(visit.madeOn(p, sha256: sha), labels.madeOn(j, sha256: sha), "round \(round): \(text)")
                }
                XCTAssertEqual(visit.choice(p), label.choice)
                var chunk = ExportChunk()
                var plain: [UInt8] = []
                LabelRows.append(pieces, [p], of: visit, to: &chunk)
                chunk.finish()
                let fast = chunk.joined()
                LabelRows.append(pieces, [label], to: &plain)
                XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: plain, as: UTF8.self), "round \(round): \(text)")
            }
            compareOtherKeepings(expected, text: text, round: round, workers: workers)
        default:
            XCTFail("one reader refused what the other accepted, round \(round): \(text)")
        }
    }

    /// With only the checks kept, what warnings and the hash checks use (names, choice, side,
    /// milliseconds, hash, place) reads as the reference's.
    private func compareOtherKeepings(_ expected: [EffectiveLabel], text: String, round: Int, workers: Int) {
        for keeping in [SessionLineKeeping.checks] {
            guard let labels = try? ExportLabels.read(paths: [folder.file("s")], workers: workers, keeping: keeping) else {
                return XCTFail("round \(round), \(keeping): refused what the other reading accepted")
            }
            func sorted(_ labels: [EffectiveLabel]) -> [EffectiveLabel] {
                labels.sorted { $0.file != $1.file ? $0.file < $1.file : $0.line < $1.line }
            }
            let found = sorted((0..<labels.count).map { labels.label($0) })
            let reference = sorted(expected)
            guard found.count == reference.count else { return XCTFail("round \(round), \(keeping): \(text)") }
            for (mine, theirs) in zip(found, reference) {
                XCTAssertEqual([mine.task, mine.rater, mine.choice, mine.taskSHA256 ?? "-", mine.file],
                               [theirs.task, theirs.rater, theirs.choice, theirs.taskSHA256 ?? "-", theirs.file], "round \(round): \(text)")
                XCTAssertEqual(mine.left, theirs.left, "round \(round): \(text)")
                XCTAssertEqual(mine.ms, theirs.ms, "round \(round): \(text)")
                XCTAssertEqual(mine.line, theirs.line, "round \(round): \(text)")
            }
            for j in 0..<labels.count {
                let label = labels.label(j)
                for sha in ["ab", Self.shaA, Self.shaB] {
                    XCTAssertEqual(labels.madeOn(j, sha256: sha), label.taskSHA256 == nil || label.taskSHA256 == sha, "round \(round): \(text)")
                }
            }
        }
    }

    /// Lines of every shape the reader meets: usual ones, foreign minimal ones, and each kind
    /// of mistake the reference reports.
    static let shaA = String(repeating: "a", count: 64)
    static let shaB = String(repeating: "b", count: 64)

    static let lines: [String] = [
        #"{"v":1,"type":"label","session":"s","rater":"bob","at":"2026-11-28T10:00:03.000Z","task":"t1","task_sha256":""# + shaA + #"","choice":"B"}"#,
        #"{"v":1,"type":"label","session":"s","rater":"cy","at":"2026-11-28T10:00:03.000Z","task":"t2","task_sha256":""# + shaB + #"","choice":"A"}"#,
        #"{"v":1,"type":"session_start","session":"s","rater":"ana","at":"2026-11-28T10:00:00.000Z","scale":["A","B","tie","both_bad"]}"#,
        #"{"v":1,"type":"label","session":"s","rater":"ana","at":"2026-11-28T10:00:01.123Z","task":"t1","task_sha256":"ab","choice":"A","left":"B","ms":1200}"#,
        #"{"v":1,"type":"label","session":"s","rater":"ana","at":"2026-11-28T10:00:01Z","task":"t\u00e9","choice":"B","left":"A","ms":0,"note":"hi \u001b"}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A"}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","ms":12.0}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","ms":-0}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","ms":-3}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","ms":1.5}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","left":"C"}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","left":null,"note":null,"session":null,"at":null}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":""}"#,
        #"{"type":"label","rater":"judge","task":"t1"}"#,
        #"{"type":"label","rater":"judge","task":5,"choice":"A"}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","at":"yesterday"}"#,
        #"{"type":"label","rater":"judge","task":"t1","choice":"A","at":"2026-11-28T10:00:00+02:00"}"#,
        #"{"v":2,"type":"label","rater":"judge","task":"t1","choice":"A"}"#,
        #"{"v":"1","type":"label","rater":"judge","task":"t1","choice":"A"}"#,
        #"{"v":null,"type":"undo","rater":"ana","task":"t1","at":"2026-11-28T10:00:02.000Z"}"#,
        #"{"type":"skip","rater":"ana","task":"t2"}"#,
        #"{"type":"skip","rater":"ana"}"#,
        #"{"type":"session_end","rater":"ana","labels":2,"reason":"quit"}"#,
        #"{"type":"pause","rater":"ana","task":"t1"}"#,
        #"{"t\u0079pe":"label","rater":"ana","task":"t1","choice":"A"}"#,
        #"{"type":"label","rater":"","task":"t1","choice":"A"}"#,
        #"[1,2]"#,
        #"{"type":"label","rater":"ana","task":"t1","choice":"A""#,
        "",
        "  \t",
    ]

    func testRandomFilesOfAllLineShapesReadTheSame() {
        var rng = Xoshiro256StarStar(seed: 4)
        // Half the rounds use only lines the reference accepts, so that labels are compared.
        let valid = Self.lines.indices.filter { k in
            let folder = SessionTempFolder()
            folder.write("x.jsonl", Self.lines[k] + "\n")
            return (try? ReferenceSessionLog.log(paths: [folder.file("x.jsonl")])) != nil
        }
        for round in 0..<300 {
            let pool = round % 2 == 0 ? valid : Array(Self.lines.indices)
            var text = rng.below(5) == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int(rng.below(8)) {
                text += Self.lines[pool[Int(rng.below(UInt64(pool.count)))]]
                text += rng.below(6) == 0 ? "\r\n" : "\n"
            }
            if rng.below(3) == 0 { text += Self.lines[pool[Int(rng.below(UInt64(pool.count)))]] }
            compare(text, round: round, workers: 1 + round % 3)
        }
    }

    func testDamageIsReportedLikeTheReferenceWithMissingPathsFirst() {
        let folder = SessionTempFolder()
        folder.write("a.jsonl", "{bad\n{\"type\":\"skip\",\"rater\":\"x\",\"task\":\"t\"}\n")
        folder.write("b.jsonl", "{\"type\":\"label\",\"rater\":\"x\"}\n\n")
        var reference: ValidationFailure?
        XCTAssertThrowsError(try SessionReader.read(paths: [folder.path])) { reference = $0 as? ValidationFailure }
        XCTAssertThrowsError(try ExportLabels.read(paths: [folder.file("missing"), folder.path], workers: 2)) { error in
            let errors = (error as? ValidationFailure)?.errors ?? []
            XCTAssertEqual(errors.first?.file, folder.file("missing"))
            XCTAssertEqual(errors.dropFirst().map(\.description), reference?.errors.map(\.description))
        }
        XCTAssertEqual(reference?.errors.count, 2)
    }

    func testFoldersReadTheSameAsTheReferenceWithAnyNumberOfWorkers() throws {
        let folder = SessionTempFolder()
        for k in 0..<7 {
            folder.write("r\(k)/s.jsonl", Self.lines[0...5].joined(separator: "\n") + "\n" + Self.lines[19] + "\n")
        }
        let log = try ReferenceSessionLog.log(paths: [folder.path])
        let expected = EffectiveLabels.compute(log.records)
        for workers in [1, 2, 3] {
            let labels = try ExportLabels.read(paths: [folder.path], workers: workers)
            let found = (0..<labels.count).map { labels.label($0) }.sorted {
                $0.task != $1.task ? $0.task.utf8.lexicographicallyPrecedes($1.task.utf8) : $0.file.utf8.lexicographicallyPrecedes($1.file.utf8)
            }
            XCTAssertEqual(found.count, expected.count)
            XCTAssertEqual(Set(found.map { "\($0.task) \($0.rater) \($0.choice) \($0.file):\($0.line)" }),
                           Set(expected.map { "\($0.task) \($0.rater) \($0.choice) \($0.file):\($0.line)" }))
            XCTAssertEqual(labels.scaleHint, SessionScale.hint(log.records))
            XCTAssertEqual(labels.labelSet.files, log.files)
        }
    }
}
