import Foundation
import XCTest
@testable import PreferCore

/// The export's task reading (the report's validating scan, then the labeled lines read back)
/// finds exactly what `TaskFile.load` finds, and its copied strings decode to the texts
/// `TaskFile` decodes.
final class LabeledTaskFileTests: XCTestCase {
    private let folder = SessionTempFolder()

    private static let good = [
        #"{"id":"a","prompt":"p","response_a":"x","response_b":"y","model_a":"m1","model_b":null}"#,
        #"{"id":"b\u00e9","prompt":[{"role":"system","content":"s"},{"role":"user","content":"u","name":"n"}],"response_a":"\u202e x \/","response_b":"é\u0000","k":[1,{"z":"\u001b"}],"n":1.50,"t":true}"#,
        #"{"id":"c","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a1"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"b1"}],"turn":2}"#,
        "{\"id\":\"d\",\"prompt\":\"raw \u{202E} bidi and \u{85} C1 and \u{7F} DEL\",\"response_a\":\"東京 🙂\",\"response_b\":\"y\",\"meta\":{\"x\":\"\u{200B}\"}}",
        #"{"id":"e","conversation_a":[{"role":"user","content":"q\u0041"}],"conversation_b":[{"role":"user","content":"qA"},{"role":"assistant","content":"b"}]}"#,
    ]

    private static let bad = [
        #"{"id":"a","prompt":"p","response_a":"x"}"#,
        #"{"id":"a","prompt":"p","response_a":"x","response_b":"y"}"#,
        "[1,2]",
        #"{"id":"f","prompt":"p","#,
        "{\"id\":\"g\",\"prompt\":\"\u{1}\",\"response_a\":\"x\",\"response_b\":\"y\"}",
        #"{"id":"","prompt":"p","response_a":"x","response_b":"y"}"#,
    ]

    private func compare(_ text: String, file name: String, line: UInt = #line) throws {
        try compare(Array(text.utf8), file: name, line: line)
    }

    private func compare(_ bytes: [UInt8], file name: String, line: UInt = #line) throws {
        _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data(bytes))
        let path = folder.file(name)
        var reference: Result<TaskFile, ValidationFailure>
        do { reference = .success(try TaskFile.load(path: path)) } catch { reference = .failure(error) }
        for slice in [16 << 20, 40, 1] {
            let wanted = ["a", "bé", "c", "d", "e", "zz"]
            var mine: Result<LabeledTaskFile, ValidationFailure>
            let scan = TaskFileScan(path: path, options: .init(rerun: "export again", sliceSize: slice))
            scan.run()
            do { mine = .success(try scan.slices().labeled(LabeledItemLookup(items: wanted), items: wanted, duplicates: .allIds)) }
            catch { mine = .failure(error) }
            switch (reference, mine) {
            case (.failure(let expected), .failure(let found)):
                XCTAssertEqual(found, expected, "slice \(slice)", line: line)
            case (.success(let tasks), .success(let export)):
                let oracle = try ReferenceTaskFile(path: path)
                XCTAssertEqual(export.count, tasks.count, line: line)
                for (item, id) in wanted.enumerated() {
                    guard let k = tasks.index(of: id) else {
                        XCTAssertNil(try export.pieces(ofItem: item), line: line)
                        continue
                    }
                    let task = try tasks.task(at: k)
                    XCTAssertEqual(export.position[item], k, line: line)
                    XCTAssertEqual(export.line[item], tasks.line(at: k), line: line)
                    let pieces = try XCTUnwrap(try export.pieces(ofItem: item), line: line)
                    XCTAssertEqual(pieces.sha256, task.sha256, line: line)
                    XCTAssertEqual(pieces.id, task.id, line: line)
                    try assertSameRows(pieces, try XCTUnwrap(oracle.task(id), line: line), line: line)
                }
            default:
                XCTFail("one reader refused what the other accepted: \(reference) vs \(mine)", line: line)
            }
            if case .success = reference { try compareLabeledLines(path: path, sliceSize: slice, line: line) }
        }
    }

    /// A report's labeled lines (hash, judged lengths, `--by` value) are the same whether the
    /// scan's slice workers take them while validating (the request made before the scan) or
    /// the join reads them back (every slice scanned before the labels were known), or the
    /// early slices kept every line's lengths and digest while reading ahead (then only the
    /// lines to take a `--by` value from are read back), and are what the reference
    /// reader gives: its SHA-256 of the line, Unicode scalars of the judged texts, the task's `turn`.
    private func compareLabeledLines(path: String, sliceSize: Int, line: UInt) throws {
        let wanted = ["e", "zz", "a", "bé", "c", "d"]
        let hash = wanted.map { $0 != "d" && $0 != "a" }
        let oracle = try ReferenceTaskFile(path: path)
        func judged(_ text: Any, _ conversation: [[String: Any]]?) -> Int32 {
            guard let conversation else { return (text as? String).map { Int32($0.unicodeScalars.count) } ?? -1 }
            guard let last = conversation.last(where: { $0["role"] as? String == "assistant" }) else { return -1 }
            return Int32((last["content"] as? String)?.unicodeScalars.count ?? 0)
        }
        for groupKey in ["turn", nil] {
            let request = LabeledTaskLines.Request(lookup: LabeledItemLookup(items: wanted), hash: hash, groupKey: groupKey)
            for requestFirst in [true, false] {
                for readsAhead in [false, true] {
                    let scan = TaskFileScan(path: path, options: .init(rerun: "run the report again", sliceSize: sliceSize,
                                                                       readsAhead: readsAhead))
                    if requestFirst { scan.readLabeledLines(request) }
                    scan.run()
                    if !requestFirst { scan.readLabeledLines(request) }
                    let slices = try scan.slices()
                    XCTAssertEqual(slices.parts.allSatisfy { $0.labeled != nil }, requestFirst, line: line)
                    XCTAssertEqual(slices.parts.contains { !$0.judgedLengths.isEmpty && 2 * $0.digests.count == $0.judgedLengths.count }, readsAhead && !requestFirst,
                                   line: line)
                    let lines = try XCTUnwrap(try slices.labeled(request.lookup, items: wanted, duplicates: .labeledIds).lines,
                                              line: line)
                    for (item, id) in wanted.enumerated() {
                        let what = "\(id), slice \(sliceSize), request first: \(requestFirst), read ahead: \(readsAhead), by: \(groupKey ?? "-")"
                        guard let task = oracle.task(id) else {
                            XCTAssertEqual([lines.lengths.a[item], lines.lengths.b[item]], [-1, -1], what, line: line)
                            XCTAssertNil(lines.sha256[item], what, line: line)
                            continue
                        }
                        XCTAssertEqual(lines.sha256[item]?.hex, hash[item] ? task.sha256 : nil, what, line: line)
                        XCTAssertEqual(lines.lengths.a[item], judged(task.responseA, task.conversationA), what, line: line)
                        XCTAssertEqual(lines.lengths.b[item], judged(task.responseB, task.conversationB), what, line: line)
                        if groupKey != nil {
                            XCTAssertEqual(lines.groups[item], (task.meta["turn"] as? NSNumber).map { "\($0)" }, what, line: line)
                        }
                    }
                }
            }
        }
    }

    /// A `labels` row from the copied pieces holds, as `JSONSerialization` reads it, the task's
    /// models, texts (split as EXPORT.md says) and other keys as `ReferenceTaskFile` reads them,
    /// and nothing a terminal would act on.
    private func assertSameRows(_ pieces: TaskPieces, _ task: ReferenceTaskFile.Task, line: UInt) throws {
        let labels = [EffectiveLabel(SessionRecord(file: "f", line: 1, type: "label", rater: "r", task: task.id, choice: "B"))]
        var row: [UInt8] = []
        LabelRows.append(pieces, labels, to: &row)
        XCTAssertTrue(isSafeToCat(row), line: line)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(row)) as? [String: Any], line: line)
        let texts = task.texts
        let expected: [String: Any] = ["model_a": task.modelA, "model_b": task.modelB, "prompt": texts.prompt,
                                       "response_a": texts.a, "response_b": texts.b, "meta": task.meta]
        for (key, value) in expected {
            XCTAssertTrue(NSArray(array: [parsed[key] as Any]).isEqual(to: [value]), "\(key): \(parsed[key] ?? "nil") vs \(value)", line: line)
        }
    }

    /// Conversations are split where their texts differ, compared as `String`s compare,
    /// however the task file escapes them.
    func testMessagesCompareByTextNotByEscapes() {
        func message(_ json: String) -> MessagePieces {
            MessagePieces(role: Array(#""user""#.utf8), content: Array(json.utf8))
        }
        let cases: [(String, String, Bool)] = [
            (#""ab""#, #""ab""#, true), (#""ab""#, #""ac""#, false), (#""ab""#, #""abc""#, false),
            (#""qA""#, #""q\u0041""#, true), (#""a\nb""#, #""a\tb""#, false), (#""a\nb""#, #""a\u000ab""#, true),
            (#""caf\u00e9""#, #""café""#, true), (#""café""#, "\"cafe\u{301}\"", true),
            (#""cafe""#, "\"cafe\u{301}\"", false), (#""x\\y""#, #""x\\z""#, false), (#""\/""#, #""/""#, true),
        ]
        for (a, b, same) in cases {
            XCTAssertEqual(message(a).sameText(as: message(b)), same, "\(a) vs \(b)")
            XCTAssertEqual(message(b).sameText(as: message(a)), same, "\(b) vs \(a)")
            let decoded = (try? JSONParser.parse(Array(a.utf8)))?.stringValue == (try? JSONParser.parse(Array(b.utf8)))?.stringValue
            XCTAssertEqual(decoded, same, "the reference disagrees: \(a) vs \(b)")
        }
    }

    func testGoodFilesGiveTheSameTasksAndContent() throws {
        try compare(Self.good.joined(separator: "\n") + "\n", file: "good.jsonl")
        try compare("\u{FEFF}" + Self.good.joined(separator: "\r\n") + "\r\n\n  \n", file: "bom.jsonl")
        try compare(Self.good.joined(separator: "\n"), file: "no-final-newline.jsonl")
    }

    func testBadFilesGiveTheSameErrors() throws {
        try compare((Self.good + Self.bad).joined(separator: "\n") + "\n", file: "bad.jsonl")
        var bytes = Array((Self.good[0] + "\n").utf8)
        bytes += Array(#"{"id":"u","prompt":"p"#.utf8) + [0xFF] + Array(#"","response_a":"x","response_b":"y"}"#.utf8) + [0x0A]
        try compare(bytes, file: "utf8.jsonl")
        try compare((0..<30).map { _ in Self.good[0] }.joined(separator: "\n"), file: "many-duplicates.jsonl")
        try compare("\n\n", file: "empty.jsonl")
        var reference: ValidationFailure?
        XCTAssertThrowsError(try TaskFile.load(path: folder.file("utf8.jsonl"))) { reference = $0 as? ValidationFailure }
        XCTAssertEqual(reference?.errors.first?.line, 2, "the reference saw the invalid UTF-8")
    }
}

extension Result {
    /// The failure, when there is one.
    var failureReason: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
