import Foundation
import XCTest
@testable import PreferCore

/// The export's session reader gives what `SessionReader` gives, line for line.
final class ExportSessionReaderTests: XCTestCase {
    /// The reference records with `json` emptied where the export reader leaves it empty.
    private func reference(_ bytes: [UInt8], file: String) -> SessionReader.ParsedFile {
        var parsed = SessionReader.parse(bytes, file: file)
        for k in parsed.records.indices where ["label", "undo", "skip"].contains(parsed.records[k].type) {
            parsed.records[k].json = .object([])
        }
        return parsed
    }

    private func fast(_ bytes: [UInt8], file: String) -> SessionReader.ParsedFile {
        var scanner = JSONLineScanner()
        return ExportSessionReader.parse(bytes, file: file, scanner: &scanner)
    }

    /// Lines of every shape the reader meets: usual ones, foreign minimal ones, and each kind
    /// of mistake the reference reports.
    static let lines: [String] = [
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
        for round in 0..<400 {
            var text = rng.below(5) == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int(rng.below(8)) {
                text += Self.lines[Int(rng.below(UInt64(Self.lines.count)))]
                text += rng.below(6) == 0 ? "\r\n" : "\n"
            }
            if rng.below(3) == 0 { text += Self.lines[Int(rng.below(UInt64(Self.lines.count)))] }
            let bytes = Array(text.utf8)
            XCTAssertEqual(fast(bytes, file: "f.jsonl"), reference(bytes, file: "f.jsonl"), "round \(round): \(text)")
        }
    }

    func testDamageIsReportedLikeTheReferenceWithMissingPathsFirst() {
        let folder = SessionTempFolder()
        folder.write("a.jsonl", "{bad\n{\"type\":\"skip\",\"rater\":\"x\",\"task\":\"t\"}\n")
        folder.write("b.jsonl", "{\"type\":\"label\",\"rater\":\"x\"}\n\n")
        var reference: ValidationFailure?
        XCTAssertThrowsError(try SessionReader.read(paths: [folder.path])) { reference = $0 as? ValidationFailure }
        XCTAssertThrowsError(try ExportSessionReader.read(paths: [folder.file("missing"), folder.path], workers: 2)) { error in
            let errors = (error as? ValidationFailure)?.errors ?? []
            XCTAssertEqual(errors.first?.file, folder.file("missing"))
            XCTAssertEqual(errors.dropFirst().map(\.description), reference?.errors.map(\.description))
        }
        XCTAssertEqual(reference?.errors.count, 2)
    }

    func testFoldersReadTheSameAsTheReferenceWithAnyNumberOfWorkers() throws {
        let folder = SessionTempFolder()
        for k in 0..<7 {
            folder.write("r\(k)/s.jsonl", Self.lines[0...3].joined(separator: "\n") + "\n" + Self.lines[17] + "\n")
        }
        var expected = try SessionReader.read(paths: [folder.path])
        for k in expected.records.indices where expected.records[k].type != "session_start" { expected.records[k].json = .object([]) }
        for workers in [1, 2, 3] {
            XCTAssertEqual(try ExportSessionReader.read(paths: [folder.path], workers: workers), expected)
        }
    }
}

/// The fast reading of `at` gives exactly `Timestamp.parse`'s instant.
final class SessionTimeTests: XCTestCase {
    func testRandomMillisecondTimesReadAsTimestampParseReadsThem() {
        var rng = Xoshiro256StarStar(seed: 8)
        for _ in 0..<20_000 {
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", 1900 + Int(rng.below(300)), 1 + Int(rng.below(12)),
                              1 + Int(rng.below(31)), Int(rng.below(24)), Int(rng.below(60)), Int(rng.below(61)), Int(rng.below(1000)))
            let fast = Array(text.utf8).withUnsafeBytes { SessionTime.seconds($0) }
            if let fast {
                XCTAssertEqual(Date(timeIntervalSince1970: fast), Timestamp.parse(text), text)
            } else {
                // Left to the reference: impossible dates and leap seconds only.
                XCTAssertTrue(text.contains(":60.") || Timestamp.parse(text) == nil || text.dropFirst(8).hasPrefix("29")
                              || text.dropFirst(8).hasPrefix("30") || text.dropFirst(8).hasPrefix("31"), text)
            }
        }
    }

    func testOtherShapesAreLeftToTheReference() {
        for text in ["2026-11-28T10:00:00Z", "2026-11-28T10:00:00.1234Z", "2026-11-28t10:00:00.123Z", "2026-11-28T10:00:00.123+00:00"] {
            XCTAssertNil(Array(text.utf8).withUnsafeBytes { SessionTime.seconds($0) }, text)
        }
    }
}
