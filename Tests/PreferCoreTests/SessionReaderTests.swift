import Foundation
import XCTest
@testable import PreferCore

final class SessionReaderTests: XCTestCase {
    private let good1 = #"{"v":1,"type":"label","session":"S","rater":"ana","at":"2026-11-28T10:00:00.123Z","task":"t1","task_sha256":"h1","choice":"A","left":"B","ms":1200}"#
    private let good2 = #"{"v":1,"type":"skip","session":"S","rater":"ana","at":"2026-11-28T10:00:01.000Z","task":"t2"}"#

    private func failure(_ paths: [String]) -> ValidationFailure? {
        do {
            _ = try SessionReader.read(paths: paths)
            return nil
        } catch {
            return error
        }
    }

    func testWholeLinesAreReadWithEveryField() throws {
        let parsed = SessionReader.parse(Array((good1 + "\n" + good2 + "\n").utf8), file: "f.jsonl")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.warnings, [])
        XCTAssertEqual(parsed.records.map(\.type), ["label", "skip"])
        let label = parsed.records[0]
        XCTAssertEqual([label.task, label.taskSHA256, label.choice, label.session, label.atText],
                       ["t1", "h1", "A", "S", "2026-11-28T10:00:00.123Z"])
        XCTAssertEqual(label.left, .b)
        XCTAssertEqual(label.ms, 1200)
        XCTAssertEqual(label.line, 1)
        XCTAssertEqual(parsed.records[1].line, 2)
    }

    func testATornLastLineWithoutNewlineIsIgnoredWithAWarning() {
        let parsed = SessionReader.parse(Array((good1 + "\n" + #"{"v":1,"type":"lab"#).utf8), file: "f.jsonl")
        XCTAssertEqual(parsed.records.count, 1)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.warnings.map(\.description), ["f.jsonl:2: ignored a torn last line"])
    }

    func testAWholeLastLineMissingOnlyItsNewlineCountsAsTornInAFileOfPrefersWriter() {
        // The writer writes the newline in the same write; without it the event was never acknowledged.
        let start = #"{"v":1,"type":"session_start","session":"S","rater":"ana","at":"2026-11-28T10:00:00.000Z"}"#
        let parsed = SessionReader.parse(Array((start + "\n" + good1 + "\n" + good2).utf8), file: "f.jsonl")
        XCTAssertEqual(parsed.records.map(\.type), ["session_start", "label"])
        XCTAssertEqual(parsed.warnings.map(\.description), ["f.jsonl:3: ignored a torn last line"])
    }

    func testInAFileOfAnotherToolACompleteLastLineWithoutNewlineIsReadWithAWarning() {
        // SPEC §4: no session_start, so the lines come from another tool (a judge's export).
        let parsed = SessionReader.parse(Array((good1 + "\n" + good2).utf8), file: "f.jsonl")
        XCTAssertEqual(parsed.records.map(\.type), ["label", "skip"])
        XCTAssertEqual(parsed.warnings.map(\.description), [
            "f.jsonl:2: read a last line without its final newline (no session_start in the file: taken as lines from another tool)",
        ])
        // An incomplete one is still a torn tail.
        XCTAssertEqual(SessionReader.parse(Array((good1 + "\n" + #"{"v":1,"type":"lab"#).utf8), file: "f").warnings.map(\.reason),
                       ["ignored a torn last line"])
        let fast = try? SessionLabelReader.read(paths: [{
            let temp = SessionTempFolder()
            temp.write("judge.jsonl", good1 + "\n" + good2.replacingOccurrences(of: "skip", with: "undo").replacingOccurrences(of: "t2", with: "t1"))
            self.keep = temp
            return temp.file("judge.jsonl")
        }()])
        XCTAssertEqual(fast?.warnings.map(\.line), [2])
        XCTAssertEqual(fast?.coded.rater.count, 0, "the unterminated undo counts")
    }

    private var keep: SessionTempFolder?

    func testAnUnparsableLastLineWithNewlineOrZeroFillIsTorn() {
        XCTAssertEqual(SessionReader.parse(Array((good1 + "\n{\"v\":\n\n").utf8), file: "f").warnings.map(\.line), [2])
        let zeroFilled = Array((good1 + "\n").utf8) + [UInt8](repeating: 0, count: 40)
        let parsed = SessionReader.parse(zeroFilled, file: "f")
        XCTAssertEqual(parsed.records.count, 1)
        XCTAssertEqual(parsed.warnings.map(\.line), [2])
        XCTAssertEqual(parsed.errors, [])
    }

    func testDamageInTheMiddleIsAnErrorNamingFileAndLine() throws {
        let temp = SessionTempFolder()
        temp.write("s/ana/a.jsonl", good1 + "\n{\"v\":1,\"typ\n" + good2 + "\n")
        let error = try XCTUnwrap(failure([temp.file("s")]))
        XCTAssertEqual(error.errors.count, 1)
        XCTAssertEqual(error.errors[0].file, temp.file("s/ana/a.jsonl"))
        XCTAssertEqual(error.errors[0].line, 2)
        XCTAssertTrue(error.errors[0].reason.hasPrefix("not valid JSON"), error.errors[0].reason)
    }

    func testWrongFieldsAreErrorsSayingWhichField() {
        let cases: [(String, String)] = [
            (#"{"type":"label","task":"t","choice":"A"}"#, #"missing "rater""#),
            (#"{"rater":"r","task":"t","choice":"A"}"#, #"missing "type""#),
            (#"{"type":"label","rater":"r","choice":"A"}"#, #"missing "task""#),
            (#"{"type":"label","rater":"r","task":"t","choice":1}"#, #""choice" must be a string, found a number"#),
            (#"{"type":"label","rater":"r","task":"t","choice":"A","left":"L"}"#, #""left" must be "A" or "B", found "L""#),
            (#"{"type":"label","rater":"r","task":"t","choice":"A","ms":1.5}"#, #""ms" must be a whole number of milliseconds, found 1.5"#),
            (#"{"type":"label","rater":"r","task":"t","choice":"A","at":"yesterday"}"#, #""at" is not an RFC 3339 time: "yesterday""#),
            (#"{"v":2,"type":"label","rater":"r","task":"t","choice":"A"}"#, "session format version 2 is not supported (this prefer reads version 1)"),
            (#"["type"]"#, "expected a JSON object, found an array"),
        ]
        for (line, reason) in cases {
            let parsed = SessionReader.parse(Array((line + "\n" + good1 + "\n").utf8), file: "f")
            XCTAssertEqual(parsed.errors, [InputError(file: "f", line: 1, reason: reason)], line)
        }
    }

    func testMinimalForeignLabelLinesAreAccepted() {
        let text = #"{"type":"label","rater":"judge-gpt","task":"t1","choice":"A"}"# + "\r\n"
            + #"{"type":"label","rater":"judge-gpt","task":"t2","choice":"B","ms":12.0,"note":null}"# + "\r\n"
        let parsed = SessionReader.parse([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "judge.jsonl")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.warnings, [])
        XCTAssertEqual(parsed.records.map(\.task), ["t1", "t2"])
        XCTAssertEqual(parsed.records.map(\.at), [nil, nil])
        XCTAssertEqual(parsed.records.map(\.ms), [nil, 12])
        XCTAssertEqual(parsed.records.map(\.left), [nil, nil])
    }

    func testUnknownEventTypesAreKeptButChangeNoLabel() {
        let text = good1 + "\n" + #"{"type":"pause","rater":"ana","task":"t1","reason":"coffee"}"# + "\n"
        let parsed = SessionReader.parse(Array(text.utf8), file: "f")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.records.map(\.type), ["label", "pause"])
        XCTAssertEqual(parsed.records[1].json["reason"], .string("coffee"))
        XCTAssertEqual(EffectiveLabels.compute(parsed.records).map(\.choice), ["A"])
    }

    func testFoldersAreSearchedRecursivelyForJsonlInPathOrder() throws {
        let temp = SessionTempFolder()
        temp.write("s/bob/sub/b.jsonl", good2.replacingOccurrences(of: "ana", with: "bob") + "\n")
        temp.write("s/ana/2.jsonl", good2 + "\n")
        temp.write("s/ana/1.jsonl", good1 + "\n")
        temp.write("s/ana/notes.txt", "not a session\n")
        temp.write("s/ana/.lock", "123\n")
        temp.write("s/ana/.1.jsonl.swp", "junk")
        // Outside the rater folders (a judge's file): it may not use ana's name (RaterFolderRule).
        temp.write("extra.jsonl", good1.replacingOccurrences(of: "ana", with: "judge") + "\n")
        let log = try SessionReader.read(paths: [temp.file("s/"), temp.file("extra.jsonl"), temp.file("s/ana/1.jsonl")])
        XCTAssertEqual(log.files, [temp.file("extra.jsonl"), temp.file("s/ana/1.jsonl"), temp.file("s/ana/2.jsonl"),
                                   temp.file("s/bob/sub/b.jsonl")])
        XCTAssertEqual(log.records.map(\.rater), ["judge", "ana", "ana", "bob"])
    }

    func testAMissingPathIsAnError() {
        let error = failure(["/nonexistent/prefer-sessions"])
        XCTAssertEqual(error?.errors.map(\.description),
                       ["/nonexistent/prefer-sessions: cannot be read: No such file or directory"])
    }

    func testErrorsAreCappedSoGarbageCannotFloodTheTerminal() throws {
        let temp = SessionTempFolder()
        temp.write("junk.jsonl", String(repeating: "garbage\n", count: 500) + good1 + "\n")
        let error = try XCTUnwrap(failure([temp.file("junk.jsonl")]))
        XCTAssertEqual(error.errors.count, SessionReader.errorLimit)
        XCTAssertEqual(error.omitted, 500 - SessionReader.errorLimit)
        XCTAssertEqual(error.errors.first?.line, 1)
    }

    func testEveryLineOfRandomDamageIsARecordAWarningOrAnErrorExactlyOnce() {
        // A fixed-seed generator so a failure reproduces: splice good lines, cut lines, raw bytes.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [Array(good1.utf8), Array(good2.utf8), Array(#"{"type":"label","rater":"x"}"#.utf8)]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + next(8)) {
                let piece = pieces[next(pieces.count)]
                switch next(4) {
                case 0: bytes += piece.prefix(next(piece.count))
                case 1: bytes += (0..<next(30)).map { _ in UInt8(next(256)) }
                default: bytes += piece
                }
                if next(6) != 0 { bytes.append(UInt8(ascii: "\n")) }
            }
            let parsed = SessionReader.parse(bytes, file: "f")
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let contentful = lines.enumerated().filter { index, line in
                !line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                    && !(index == 0 && Array(line) == [0xEF, 0xBB, 0xBF])
            }.map { $0.offset + 1 }
            // (A record read without its final newline also has a warning saying so.)
            let warned = parsed.warnings.filter { !$0.reason.hasPrefix("read a last line") }
            let seen = (parsed.records.map(\.line) + warned.compactMap(\.line) + parsed.errors.compactMap(\.line)).sorted()
            XCTAssertEqual(seen, contentful)
            XCTAssertLessThanOrEqual(parsed.warnings.count, 1)
        }
    }
}
