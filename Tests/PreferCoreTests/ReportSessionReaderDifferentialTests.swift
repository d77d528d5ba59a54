import Foundation
import XCTest
@testable import PreferCore

/// The report's fast session reader against the reference (`ReferenceSessionLog`, which parses
/// with Foundation's `JSONSerialization`, followed by `EffectiveLabels.compute`) on random
/// session folders, and its field extraction against `JSONSerialization`.
final class ReportSessionReaderDifferentialTests: XCTestCase {
    /// Draws from a seeded xoshiro stream so that a failure can be replayed by its round.
    struct Dice {
        var rng: Xoshiro256StarStar
        init(_ round: Int) { rng = Xoshiro256StarStar.stream(seed: 20_261_128, index: round) }
        mutating func below(_ n: Int) -> Int { Int(rng.below(UInt64(n))) }
        mutating func chance(_ p: Double) -> Bool { Double(rng.below(1_000_000)) < p * 1_000_000 }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    // Names written as JSON string contents: plain, escaped, non-ASCII, and canonically
    // equivalent spellings (precomposed é versus e + U+0301, K versus KELVIN SIGN).
    static let raters = ["ana", "bo", "r\\u0031", "r1", "ré", "re\u{301}", "K", "\\u212a", "c\\\"q"]
    static let tasks = ["t1", "t2", "t\\u0032", "mt81-t1-gpt-4-vs-claude-v1", "é", "e\u{301}", "tab\\tid", "東京", "t3"]
    static let choices = ["A", "B", "tie", "both_bad", "A>B", "x", "\\u0041"]
    static let times = ["2026-11-28T10:00:00.123Z", "2026-11-28T10:00:00.123Z", "2026-11-28T10:00:01.000Z",
                        "2026-11-28T09:59:59Z", "2026-11-28t10:00:00.5z", "2026-11-28T11:00:00.123+01:00",
                        "2026-11-28T10:00:02.999999Z", "2024-02-29T23:59:60.000Z"]

    static func labelLine(_ d: inout Dice) -> String {
        var fields = ["\"type\":\"label\"", "\"rater\":\"\(d.pick(raters))\"", "\"task\":\"\(d.pick(tasks))\"",
                      "\"choice\":\"\(d.pick(choices))\""]
        if d.chance(0.7) { fields.insert("\"v\":1", at: 0) }
        if d.chance(0.8) { fields.append("\"at\":\"\(d.pick(times))\"") }
        if d.chance(0.7) { fields.append("\"left\":\"\(d.pick(["A", "B"]))\"") }
        if d.chance(0.1) { fields.append("\"left\":null") }
        if d.chance(0.7) { fields.append("\"ms\":\(d.pick(["0", "1234", "987654", "1234.0", "12e2"]))") }
        if d.chance(0.3) { fields.append("\"session\":\"s-\(d.below(3))\"") }
        if d.chance(0.2) { fields.append("\"note\":\"n\\u00e9\"") }
        if d.chance(0.2) { fields.append("\"task_sha256\":\"abc\"") }
        if d.chance(0.1) { fields.append("\"extra\":{\"deep\":[1,2,{\"x\":null}]}") }
        var unique: [String] = []
        var keys = Set<String>()
        for f in fields where keys.insert(String(f.split(separator: ":")[0])).inserted { unique.append(f) }
        for _ in 0..<unique.count where d.chance(0.3) { unique.swapAt(d.below(unique.count), d.below(unique.count)) }
        return "{" + unique.joined(separator: ",") + "}"
    }

    static func otherLine(_ d: inout Dice) -> String {
        let at = d.chance(0.7) ? ",\"at\":\"\(d.pick(times))\"" : ""
        switch d.below(5) {
        case 0: return "{\"type\":\"undo\",\"rater\":\"\(d.pick(raters))\",\"task\":\"\(d.pick(tasks))\"\(at)}"
        case 1: return "{\"type\":\"skip\",\"rater\":\"\(d.pick(raters))\",\"task\":\"\(d.pick(tasks))\"\(at)}"
        case 2: return "{\"v\":1,\"type\":\"session_start\",\"rater\":\"ana\"\(at),\"scale\":[\"A\",\"B\",\"tie\",\"both_bad\"]}"
        case 3: return "{\"type\":\"session_end\",\"rater\":\"ana\",\"labels\":3,\"reason\":\"quit\"\(at)}"
        default: return "{\"type\":\"comment\",\"rater\":\"bo\",\"task\":\"\(d.pick(tasks))\"\(at)}"
        }
    }

    /// Lines that make the whole read fail (in the middle of a file) or are torn (at its end).
    static let damaged = ["{\"type\":\"label\",\"rater\":\"ana\"", "not json", "[1,2]",
                          "{\"type\":\"label\",\"rater\":5,\"task\":\"t1\",\"choice\":\"A\"}",
                          "{\"v\":2,\"type\":\"label\",\"rater\":\"a\",\"task\":\"t1\",\"choice\":\"A\"}",
                          "{\"type\":\"label\",\"rater\":\"a\",\"task\":\"t1\",\"choice\":\"A\",\"ms\":-5}",
                          "{\"type\":\"label\",\"rater\":\"a\",\"task\":\"t1\",\"choice\":\"A\",\"left\":\"L\"}",
                          "{\"type\":\"label\",\"rater\":\"a\",\"task\":\"\",\"choice\":\"A\"}",
                          "{\"type\":\"undo\",\"rater\":\"a\"}", "{\"type\":\"label\",\"rater\":\"a\",\"at\":\"yesterday\",\"task\":\"t\",\"choice\":\"A\"}",
                          "{\"a\":1,\"a\":2}", "{\"type\":\"label\",\"rater\":\"a\",\"task\":\"t1\",\"choice\":\"A\",\"note\":7}"]

    func testFastReaderMatchesTheReferenceOnRandomSessionFolders() throws {
        var failures = 0
        for round in 0..<400 {
            var d = Dice(round)
            let folder = SessionTempFolder()
            let fileCount = 1 + d.below(5)
            let broken = d.chance(0.15)
            for f in 0..<fileCount {
                var lines: [String] = []
                for _ in 0..<(d.below(25)) {
                    lines.append(d.chance(0.65) ? Self.labelLine(&d) : Self.otherLine(&d))
                    if d.chance(0.05) { lines.append(d.pick(["", "  ", "\t"])) }
                }
                if broken && f == 0 && !lines.isEmpty { lines.insert(d.pick(Self.damaged), at: d.below(lines.count)) }
                let newline = d.chance(0.2) ? "\r\n" : "\n"
                var text = (d.chance(0.1) ? "\u{FEFF}" : "") + lines.joined(separator: newline)
                if !lines.isEmpty {
                    switch d.below(4) {
                    case 0: text += newline + d.pick(Self.damaged)       // torn: damaged last line
                    case 1: break                                           // torn: no final newline
                    default: text += newline
                    }
                }
                let name = d.pick(["20261128T100000Z-aaaa0000", "20261128T090000Z-bbbb1111", "x"]) + "-\(f).jsonl"
                folder.write(d.pick(["ana/", "bo/", "", "deep/er/"]) + name, text)
            }
            // Sometimes ana/ is a rater folder (SPEC §4): other raters' events in it, and ana's
            // name outside it, are errors both readers must find alike.
            if d.chance(0.1) { folder.write("ana/.lock", "1\n") }
            failures += compare(folder.path, round: round) ? 0 : 1
            if failures > 3 { break }
        }
        XCTAssertEqual(failures, 0)
        // The rounds must exercise both outcomes, and labels must survive in many of them.
        XCTAssertGreaterThan(outcomes.readable, 200)
        XCTAssertGreaterThan(outcomes.refused, 30)
        XCTAssertGreaterThan(outcomes.labels, 2000)
    }

    /// Clock steps inside files (the random rounds above step back by chance; here on purpose):
    /// both readers replay each file in file order and files by their first `at`.
    func testBothReadersReplayClockStepsInFileOrder() throws {
        let folder = SessionTempFolder()
        func line(_ type: String, _ task: String, _ at: String?, choice: String? = nil, rater: String = "ana") -> String {
            var fields = ["\"type\":\"\(type)\"", "\"rater\":\"\(rater)\"", "\"task\":\"\(task)\""]
            if let choice { fields.append("\"choice\":\"\(choice)\"") }
            if let at { fields.append("\"at\":\"\(at)\"") }
            return "{" + fields.joined(separator: ",") + "}\n"
        }
        folder.write("ana/20261128T100000Z-aaaa0000.jsonl",
                     line("label", "t1", "2026-11-28T10:00:00.000Z", choice: "A")
                     + line("undo", "t1", "2026-11-28T09:00:00.000Z")                // stepped back
                     + line("label", "t2", "2026-11-28T09:00:01.000Z", choice: "A")
                     + line("label", "t2", "2026-11-28T08:00:00.000Z", choice: "B")) // again
        // A later sitting whose lines all read earlier than the first file's start, but only
        // after its first line: it still comes second.
        folder.write("ana/20261128T110000Z-bbbb1111.jsonl",
                     line("skip", "t9", "2026-11-28T11:00:00.000Z")
                     + line("label", "t2", "2026-11-28T07:00:00.000Z", choice: "tie"))
        // Untimed lines of another tool come after every timed file.
        folder.write("aaa-judge.jsonl", line("label", "t3", nil, choice: "A", rater: "judge"))
        folder.write("zzz-judge.jsonl", line("label", "t3", "2026-11-28T12:00:00.000Z", choice: "B", rater: "judge"))
        XCTAssertTrue(compare(folder.path, round: 0))
        let fast = try SessionLabelReader.read(paths: [folder.path], workers: 2).observedLabels()
            .map { "\($0.item)/\($0.rater)=\($0.choice)" }.sorted()
        XCTAssertEqual(fast, ["t2/ana=tie", "t3/judge=A"])
    }

    private var outcomes = (readable: 0, refused: 0, labels: 0)

    /// True when both readers agree on labels, warnings and the places of errors for `path`
    /// (their reasons are held by the reader and validate tests, word for word).
    private func compare(_ path: String, round: Int) -> Bool {
        struct Places: Error, Equatable {
            var places: [String]
            /// Shown in a failure, not compared.
            var reasons: [String]
            init(_ errors: some Sequence<InputError>) {
                places = errors.map { "\($0.file):\($0.line ?? 0)" }
                reasons = errors.map(\.reason)
            }
            static func == (a: Places, b: Places) -> Bool { a.places == b.places }
        }
        var reference: Result<([ObservedLabel], [InputError], [String]), Places>
        let (log, errors) = ReferenceSessionLog.read(paths: [path])
        if errors.isEmpty {
            let labels = EffectiveLabels.compute(log.records).map {
                ObservedLabel(item: $0.task, rater: $0.rater, choice: $0.choice,
                              left: $0.left.map { $0 == .a ? .a : .b }, milliseconds: $0.ms)
            }
            reference = .success((labels, log.warnings, log.files))
        } else {
            reference = .failure(Places(errors.prefix(SessionReader.errorLimit)))
        }
        var fast: Result<([ObservedLabel], [InputError], [String]), Places>
        do {
            let set = try SessionLabelReader.read(paths: [path], workers: 1 + round % 3)
            fast = .success((set.observedLabels(), set.warnings, set.files))
        } catch {
            fast = .failure(Places(error.errors))
        }
        switch (reference, fast) {
        case let (.success(r), .success(f)):
            // Names are compared as Swift compares strings (canonical equivalence), so the
            // order must be too.
            let order: (ObservedLabel, ObservedLabel) -> Bool = { $0.item != $1.item ? $0.item < $1.item : $0.rater < $1.rater }
            let sameLabels: Bool = r.0.sorted(by: order) == f.0.sorted(by: order)
            let ok = sameLabels && r.1 == f.1 && r.2 == f.2
            outcomes.readable += 1
            outcomes.labels += r.0.count
            if !ok { XCTFail("round \(round): labels or warnings differ\nreference \(r)\nfast      \(f)") }
            return ok
        case let (.failure(r), .failure(f)):
            outcomes.refused += 1
            if r != f { XCTFail("round \(round): errors differ\nreference \(r)\nfast      \(f)") }
            return r == f
        default:
            XCTFail("round \(round): one reader failed and the other did not\nreference \(reference)\nfast      \(fast)")
            return false
        }
    }

    func testFieldsMatchFoundationsParserOnRandomLabelLines() throws {
        for round in 0..<2000 {
            var d = Dice(100_000 + round)
            let line = Self.labelLine(&d)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
            var tables = SessionNameTables()
            var scanner = JSONLineScanner()
            let event: SessionLineEvent = try Array(line.utf8).withUnsafeBytes { raw in
                let kind = try scanner.scan(raw)
                XCTAssertEqual(kind, .object)
                return try SessionLineDecoder.decode(raw, kind, scanner.members, file: "f", line: 1, tables: &tables)
            }
            XCTAssertEqual(tables.raters.names[Int(event.rater)], object["rater"] as? String, line)
            XCTAssertEqual(tables.tasks.names[Int(event.task)], object["task"] as? String, line)
            XCTAssertEqual(tables.choices.names[Int(event.choice)], object["choice"] as? String, line)
            let ms = (object["ms"] as? NSNumber).map { Int(truncating: $0) }
            XCTAssertEqual(event.milliseconds == CodedLabels.noMilliseconds ? nil : event.milliseconds, ms, line)
            let left = object["left"] as? String
            XCTAssertEqual(event.left, left == "A" ? 0 : left == "B" ? 1 : -1, line)
            if let at = object["at"] as? String {
                XCTAssertEqual(event.time, Timestamp.parse(at)?.timeIntervalSince1970, line)
            }
        }
    }
}
