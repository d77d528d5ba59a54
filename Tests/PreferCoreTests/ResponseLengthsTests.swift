import Foundation
import XCTest
@testable import PreferCore

/// Length bias measures each judged text in Unicode scalars, what Python's `len` counts
/// (issue 17). The report counts them on the escaped bytes (`JSONStringDecoder.scalarCount`)
/// instead of decoding every response: held here to Python's `len(json.loads(s))` and to the
/// decoded text's `unicodeScalars.count` on hostile strings.
final class ResponseLengthsTests: XCTestCase {
    /// JSON string literals as they stand in a task line (escapes unresolved).
    static let hostile: [String] = [
        #""""#, #""plain ascii""#, #""é and é (e + U+0301)""#, #""e\u0301\u0301 combining""#,
        #""😀 raw emoji""#, #""\ud83d\ude00 as a surrogate pair""#, #""\uD83D\uDE00\uD83D\uDE00""#,
        #""👨‍👩‍👧 family (ZWJ)""#, #""\ud83d\udc68\u200d\ud83d\udc69""#, #""🇯🇵🇵🇹 flags""#,
        #""\n\t\r\b\f\"\\\/""#, #""\\u0041 is not an escape""#, #""\\\\\"""#, #""\u0000 nul""#,
        #""中文 \u4e2d\u6587 mixed""#, #""tail escape \n""#, #""\u00e9\u00E9""#, #""\uffff\ufeff""#,
        #""𝄞 (U+1D11E) \ud834\udd1e""#, #""a\\\ud83d\ude00b""#,
        // Lone and mis-paired surrogates: the validator refuses them in task files; counted
        // anyway as the decoder gives them (one U+FFFD each) and Python keeps them (one each).
        #""\ud83d alone""#, #""\ude00 alone""#, #""\ud83d\u0041""#, #""\ude00\ud83d""#, #""\ud83d""#,
    ]

    /// Generated mixes of every kind of piece, so that escapes meet at every boundary.
    static func generated(count: Int) -> [String] {
        let pieces = ["a", " ", "é", "中", "😀", "🇯🇵", "e\u{301}", #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#,
                      #"\u00e9"#, #"\u4E2D"#, #"\ud83d\ude00"#, #"\uDBFF\uDFFF"#, #"\u0000"#, #"\\u0041"#, "u", "\\\\u"]
        var rng = SplitMix64(state: 17)
        return (0..<count).map { _ in
            "\"" + (0..<Int(rng.next() % 40)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() + "\""
        }
    }

    func testScalarCountEqualsTheDecodedTextsScalars() {
        for literal in Self.hostile + Self.generated(count: 3000) {
            let bytes = Array(literal.utf8)
            bytes.withUnsafeBytes { raw in
                XCTAssertEqual(JSONStringDecoder.scalarCount(ofValue: raw, 0..<raw.count),
                               JSONStringDecoder.decodeValue(raw, 0..<raw.count).unicodeScalars.count, literal)
            }
        }
    }

    func testScalarCountEqualsPythonLenOfJSONLoads() throws {
        let literals = Self.hostile + Self.generated(count: 3000)
        let python = try Self.pythonLengths(literals)
        XCTAssertEqual(python.count, literals.count)
        for (literal, expected) in zip(literals, python) {
            let bytes = Array(literal.utf8)
            bytes.withUnsafeBytes { raw in
                XCTAssertEqual(JSONStringDecoder.scalarCount(ofValue: raw, 0..<raw.count), expected, literal)
            }
        }
        // Spot values, so that a Python that agreed by accident would still be caught.
        XCTAssertEqual(python[Self.hostile.firstIndex(of: #""\ud83d\ude00 as a surrogate pair""#)!], 21)
        XCTAssertEqual(python[Self.hostile.firstIndex(of: #""\ud83d alone""#)!], 7)
    }

    /// The validator counts each top-level string value as it checks it (the task-file scan
    /// takes the judged lengths from there instead of reading the responses again): the same
    /// as Python's `len(json.loads(s))` on every string the validator accepts, -1 elsewhere.
    func testValidatorCountsStringValuesAsPythonLen() throws {
        let literals = (Self.hostile + Self.generated(count: 3000)).filter { literal in
            var validator = JSONValidator()
            return Array(literal.utf8).withUnsafeBytes { (try? validator.validate($0)) != nil }
        }
        XCTAssertEqual(literals.count, Self.hostile.count + 3000 - 5, "only the five lone-surrogate strings are refused")
        let python = try Self.pythonLengths(literals)
        var scanner = JSONLineScanner()
        for (literal, expected) in zip(literals, python) {
            let line = Array(#"{"n":1,"s":\#(literal),"a":[\#(literal)],"o":{"t":\#(literal)},"z":null}"#.utf8)
            let kind = try line.withUnsafeBytes { try scanner.scan($0) }
            XCTAssertEqual(kind, .object)
            XCTAssertEqual(scanner.members.map(\.valueScalars), [-1, Int32(expected), -1, -1, -1], literal)
        }
        XCTAssertEqual(python[literals.firstIndex(of: #""\ud83d\ude00 as a surrogate pair""#)!], 21)
    }

    /// Both task forms, judged as the report judges them: `response_a`/`response_b`, and the
    /// content of the last assistant message of `conversation_a`/`conversation_b`.
    func testJudgedLengthsOfEachTaskFormMatchPython() throws {
        let texts = Self.hostile.filter { !$0.contains("alone") && !$0.contains(#"\ud83d\u0041"#)
            && !$0.contains(#"\ude00\ud83d"#) && $0 != #""\ud83d""# }
        var lines: [String] = []
        for (k, text) in texts.enumerated() {
            let other = texts[(k + 1) % texts.count]
            lines.append(#"{"id":"r\#(k)","prompt":"p","response_a":\#(text),"response_b":\#(other)}"#)
            lines.append(#"{"id":"c\#(k)","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":\#(other)},"#
                + #"{"role":"user","content":"again"},{"content":\#(text),"role":"assistant"}],"#
                + #""conversation_b":[{"role":"user","content":\#(text)},{"role":"assistant","content":\#(other)}]}"#)
        }
        let python = try Self.python("""
            import json, sys
            for line in sys.stdin.read().splitlines():
                t = json.loads(line)
                if "conversation_a" in t:
                    a, b = ([m["content"] for m in t[k] if m["role"] == "assistant"][-1] for k in ("conversation_a", "conversation_b"))
                else:
                    a, b = t["response_a"], t["response_b"]
                print(len(a), len(b))
            """, input: lines.joined(separator: "\n"))
        let expected = python.split(separator: "\n").map { $0.split(separator: " ").map { Int32($0)! } }
        XCTAssertEqual(expected.count, lines.count)
        for (line, want) in zip(lines, expected) {
            let bytes = Array(line.utf8)
            var validator = JSONValidator()
            XCTAssertNoThrow(try bytes.withUnsafeBytes { raw in _ = try validator.validate(raw) }, line)
            let (a, b) = bytes.withUnsafeBytes { ResponseLengths.judged($0) }
            XCTAssertEqual([a, b], want, line)
            // As the task-file scan judges it: from the validator's members and counts.
            var scanner = JSONLineScanner()
            let scanned = try bytes.withUnsafeBytes { raw in
                _ = try scanner.scan(raw)
                return ResponseLengths.judged(raw, scanner.members, TaskLineSchema.layout(raw, scanner.members))
            }
            XCTAssertEqual([scanned.0, scanned.1], want, line)
        }
    }

    static func pythonLengths(_ literals: [String]) throws -> [Int] {
        try python("import json, sys\nfor line in sys.stdin.read().split('\\n'):\n    print(len(json.loads(line)))",
                   input: literals.joined(separator: "\n"))
            .split(separator: "\n").map { Int($0)! }
    }

    /// Runs `python3 -c script` with `input` on stdin (from a file); its stdout.
    static func python(_ script: String, input: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lengths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("input")
        try Data(input.utf8).write(to: inputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdout = folder.appendingPathComponent("stdout"), stderr = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 127 && ProcessInfo.processInfo.environment["CI"] != "true" {
            throw XCTSkip("python3 is needed")
        }
        XCTAssertEqual(process.terminationStatus, 0, "python3: \((try? String(contentsOf: stderr, encoding: .utf8)) ?? "")")
        return try String(contentsOf: stdout, encoding: .utf8)
    }
}
