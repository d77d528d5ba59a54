import XCTest
@testable import PreferCore

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    private func failure(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        do {
            let value = try JSONParser.parse(bytes)
            XCTFail("accepted \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        failure(Array(text.utf8), file: file, line: line)
    }

    private func assertError(_ text: String, _ message: String, at offset: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        let error = failure(text, file: file, line: line)
        XCTAssertEqual(error?.message, message, file: file, line: line)
        XCTAssertEqual(error?.offset, offset, file: file, line: line)
    }

    func testValuesOfEveryKindAreBuiltInOrder() throws {
        let value = try parse(#" {"b": [1, -2.5e+3, true, false, null], "a": {"x": "y"}, "s": "\u00e9\n"} "#)
        XCTAssertEqual(value, .object([
            JSONMember("b", .array([.number("1"), .number("-2.5e+3"), .bool(true), .bool(false), .null])),
            JSONMember("a", .object([JSONMember("x", .string("y"))])),
            JSONMember("s", .string("é\n")),
        ]))
    }

    func testNumbersKeepTheirExactLiteralText() throws {
        for literal in ["1.50", "0", "-0", "1E400", "0.0000000000000000000001", "12345678901234567890123", "-0.0e-0"] {
            XCTAssertEqual(try parse("[\(literal)]"), .array([.number(literal)]), literal)
        }
    }

    func testScalarsAtTheTopLevelAreAccepted() throws {
        XCTAssertEqual(try parse("\"x\""), .string("x"))
        XCTAssertEqual(try parse("\t42\r\n"), .number("42"))
        XCTAssertEqual(try parse("null"), .null)
    }

    func testEscapesAndSurrogatePairsAreDecoded() throws {
        XCTAssertEqual(try parse(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try parse(#""\ud83d\ude80 \u4E2D""#), .string("🚀 中"))
        XCTAssertEqual(try parse(#""a\u0000b""#), .string("a\u{0}b"))
    }

    func testStructuralErrorsSayWhatWasExpected() {
        assertError(#"{"a":1 "b":2}"#, "expected ',' or '}' after an object member", at: 7)
        assertError("[1 2]", "expected ',' or ']' after an array element", at: 3)
        assertError(#"{"a" 1}"#, "expected ':' after an object key", at: 5)
        assertError("{a:1}", "expected a string key in double quotes, found 'a'", at: 1)
        assertError(#"{"a":1,}"#, "trailing comma before '}'", at: 7)
        assertError("[1,]", "trailing comma before ']'", at: 3)
        assertError("[", "unexpected end of line", at: 1)
        assertError("", "unexpected end of line", at: 0)
        assertError("   ", "unexpected end of line", at: 3)
        assertError(#"{"a":"#, "unexpected end of line", at: 5)
        assertError(#""abc"#, "unexpected end of line", at: 4)
        assertError("[1] x", "unexpected 'x' after the JSON value", at: 4)
        assertError("{} {}", "unexpected '{' after the JSON value", at: 3)
        assertError("[,1]", "expected a value, found ','", at: 1)
        assertError("// c\n1", "expected a value, found '/'", at: 0)
        assertError("[é]", "expected a value, found U+00E9", at: 1)
    }

    func testNumbersOutsideTheGrammarAreRefused() {
        assertError("[01]", "a number must not have leading zeros", at: 1)
        assertError("-012", "a number must not have leading zeros", at: 0)
        assertError("[1.]", "expected a digit after the decimal point", at: 3)
        assertError("[.5]", "expected a value, found '.'", at: 1)
        assertError("[1e]", "expected a digit in the exponent", at: 3)
        assertError("[1e+]", "expected a digit in the exponent", at: 4)
        assertError("[-]", "expected a digit after '-'", at: 2)
        assertError("[+1]", "expected a value, found '+'", at: 1)
        assertError("[NaN]", "NaN and Infinity are not valid JSON numbers", at: 1)
        assertError("[-Infinity]", "NaN and Infinity are not valid JSON numbers", at: 1)
        assertError("[Infinity]", "NaN and Infinity are not valid JSON numbers", at: 1)
        assertError("[0x10]", "expected ',' or ']' after an array element", at: 2)
        assertError("[tru]", "invalid literal; expected true, false or null", at: 1)
        assertError("[True]", "expected a value, found 'T'", at: 1)
    }

    func testControlCharactersInStringsMustBeEscaped() {
        assertError("\"a\u{0}b\"", "unescaped control character U+0000 in a string", at: 2)
        assertError("\"a\tb\"", "unescaped control character U+0009 in a string", at: 2)
        assertError("\"a\nb\"", "unescaped control character U+000A in a string", at: 2)
        assertError("\"\u{1F}\"", "unescaped control character U+001F in a string", at: 1)
        // DEL and C1 controls are allowed by RFC 8259 and kept.
        XCTAssertEqual(try? parse("\"\u{7F}\u{85}\""), .string("\u{7F}\u{85}"))
    }

    func testSpecialBytesAreFoundAtEveryPositionOfAWord() {
        // Plain text is skipped eight bytes at a time; whatever stands at any position of a
        // word must still be seen exactly where it is.
        for k in 0..<20 {
            let prefix = String(repeating: "a", count: k)
            let tail = String(repeating: "b", count: 20)
            assertError("\"" + prefix + "\u{1F}" + tail + "\"", "unescaped control character U+001F in a string", at: 1 + k)
            XCTAssertEqual(try? parse("\"" + prefix + "\" "), .string(prefix))
            XCTAssertEqual(try? parse("\"" + prefix + "é\\n\u{7F} !" + tail + "\""), .string(prefix + "é\n\u{7F} !" + tail))
            XCTAssertEqual(failure(Array(("\"" + prefix).utf8) + [0xFF] + Array((tail + "\"").utf8))?.offset, 1 + k)
        }
    }

    func testBadEscapesAreRefused() {
        assertError(#""\q""#, "invalid escape '\\q' in a string", at: 1)
        assertError("\"\\\u{1}\"", "invalid escape: a backslash followed by U+0001 in a string", at: 1)
        assertError(#""\u12G4""#, "invalid \\u escape: expected four hex digits", at: 1)
        assertError(#""\u12"#, "unexpected end of line", at: 5)
    }

    func testLoneAndMispairedSurrogatesAreRefused() {
        assertError(#""\ud800""#, "lone surrogate \\ud800 in a string", at: 1)
        assertError(#""x\uDC00""#, "lone surrogate \\udc00 in a string", at: 2)
        assertError(#""\ud800\u0041""#, "lone surrogate \\ud800 in a string", at: 1)
        assertError(#""\ud800\ud800""#, "lone surrogate \\ud800 in a string", at: 1)
        assertError(#""\ud800x""#, "lone surrogate \\ud800 in a string", at: 1)
        assertError(#""\udbff\n""#, "lone surrogate \\udbff in a string", at: 1)
    }

    func testInvalidUTF8IsRefusedWhereverItStands() {
        let cases: [(bytes: [UInt8], message: String, offset: Int)] = [
            ([0x22, 0xFF, 0x22], "invalid UTF-8 byte 0xFF", 1),
            ([0x22, 0x80, 0x22], "invalid UTF-8 byte 0x80", 1),
            ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0", 1),            // overlong '/'
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], "incomplete UTF-8 sequence starting with byte 0xE0", 1), // overlong
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "incomplete UTF-8 sequence starting with byte 0xED", 1), // U+D800
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "incomplete UTF-8 sequence starting with byte 0xF4", 1), // > U+10FFFF
            ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], "invalid UTF-8 byte 0xF5", 1),
            ([0x22, 0x61, 0xE2, 0x82, 0x22], "incomplete UTF-8 sequence starting with byte 0xE2", 2),  // truncated
            ([0x22, 0xE2, 0x82], "incomplete UTF-8 sequence starting with byte 0xE2", 1),            // cut by the end
            ([0x5B, 0xFF, 0x5D], "invalid UTF-8 byte 0xFF", 1),                                       // outside a string
            ([0x5B, 0x31, 0x5D, 0xFE], "invalid UTF-8 byte 0xFE", 3),                                 // after the value
        ]
        for item in cases {
            let error = failure(item.bytes)
            XCTAssertEqual(error?.message, item.message, "\(item.bytes)")
            XCTAssertEqual(error?.offset, item.offset, "\(item.bytes)")
            XCTAssertEqual(error?.isInvalidUTF8, true, "\(item.bytes)")
        }
        // The largest scalars of each length are fine.
        XCTAssertEqual(try? JSONParser.parse([0x22, 0xDF, 0xBF, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]),
                       .string("\u{7FF}\u{FFFF}\u{10FFFF}"))
        XCTAssertEqual(failure("[1 2]")?.isInvalidUTF8, false)
    }

    func testDuplicateKeysAreRefusedAfterDecodingEscapes() {
        assertError(#"{"id":1,"id":2}"#, "duplicate key \"id\"", at: 8)
        assertError(#"{"a":1,"\u0061":2}"#, "duplicate key \"a\"", at: 7)
        assertError(#"{"o":{"k":1,"j":{"k":1},"k":2}}"#, "duplicate key \"k\"", at: 24)
        // The same key in sibling or nested objects is fine.
        XCTAssertNoThrow(try parse(#"{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":{"a":{"a":{}}}}"#))
    }

    func testDuplicateKeysAreFoundInObjectsWithManyKeys() {
        let keys = (0..<5000).map { "\"k\($0)\":\($0)" }
        XCTAssertNoThrow(try parse("{" + keys.joined(separator: ",") + "}"))
        let text = "{" + keys.joined(separator: ",") + ",\"k4321\":0}"
        let error = failure(text)
        XCTAssertEqual(error?.message, "duplicate key \"k4321\"")
        XCTAssertEqual(error?.offset, text.utf8.count - 10)
        // Escaped spellings of a key are found by the hash index too.
        XCTAssertEqual(failure("{" + keys.joined(separator: ",") + #","k\u0034\u0032":0}"#)?.message,
                       "duplicate key \"k42\"")
    }

    func testDuplicateKeyMessagesHideControlCharacters() {
        XCTAssertEqual(failure(#"{"a\u001b[2J":1,"a\u001b[2J":2}"#)?.message, "duplicate key \"a\\u001B[2J\"")
    }

    func testNestingIsLimitedTo512LevelsWithoutRecursion() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try parse(ok))
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        assertError(deep, "nesting deeper than 512 levels", at: 512)
        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        assertError(hostile, "nesting deeper than 512 levels", at: 6 * 256)
        let thousand = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        XCTAssertEqual(failure(thousand)?.message, "nesting deeper than 512 levels")
    }

    func testLargeArraysAndObjectsAreBuiltWithoutCopyingTheirElements() throws {
        // Quadratic copying would take minutes here; linear building takes well under a second.
        let array = "[" + (0..<200_000).map(String.init).joined(separator: ",") + "]"
        XCTAssertEqual(try parse(array).arrayValue?.count, 200_000)
        XCTAssertEqual(try parse(array).arrayValue?.last, .number("199999"))
        let object = "{" + (0..<50_000).map { "\"k\($0)\":[\($0)]" }.joined(separator: ",") + "}"
        let members = try XCTUnwrap(try parse(object).objectValue)
        XCTAssertEqual(members.count, 50_000)
        XCTAssertEqual(members[49_999], JSONMember("k49999", .array([.number("49999")])))
    }

    func testTheLineScannerReportsTopLevelMembersWithoutDecoding() throws {
        let text = #"  {"id":"t1","r\u0061":"a\nb","n":[1,{"x":2}],"o":{},"z":-1.0} "#
        let bytes = Array(text.utf8)
        var scanner = JSONLineScanner()
        let kind = try bytes.withUnsafeBytes { try scanner.scan($0) }
        XCTAssertEqual(kind, .object)
        try bytes.withUnsafeBytes { raw in
            let members = scanner.members
            XCTAssertEqual(members.map { $0.key(in: raw) }, ["id", "ra", "n", "o", "z"])
            XCTAssertEqual(members.map(\.kind), [.string, .string, .array, .object, .number])
            XCTAssertEqual(members.map(\.keyHasEscapes), [false, true, false, false, false])
            XCTAssertEqual(members.map(\.valueHasEscapes), [false, true, false, false, false])
            XCTAssertEqual(JSONParser.string(of: members[1], in: raw), "a\nb")
            XCTAssertEqual(String(decoding: raw[members[2].valueRange], as: UTF8.self), #"[1,{"x":2}]"#)
            XCTAssertEqual(try JSONParser.value(of: members[2], in: raw),
                           .array([.number("1"), .object([JSONMember("x", .number("2"))])]))
            XCTAssertEqual(try JSONParser.value(of: members[4], in: raw), .number("-1.0"))
            XCTAssertNil(JSONParser.string(of: members[4], in: raw))
            XCTAssertTrue(members[1].keyEquals("ra", in: raw))
            XCTAssertFalse(members[0].keyEquals("ra", in: raw))
            XCTAssertTrue(members[2].keyEquals("n", in: raw))
            XCTAssertFalse(members[2].keyEquals("", in: raw))
        }
    }

    func testTheLineScannerIsAsStrictAsTheParserDeepInsideValues() {
        var scanner = JSONLineScanner()
        for text in [#"{"a":[{"b":"\ud800"}]}"#, #"{"a":{"b":1,"b":2}}"#, #"{"a":[01]}"#, #"{"a":"x"} y"#] {
            let bytes = Array(text.utf8)
            let scanned = bytes.withUnsafeBytes { raw -> JSONSyntaxError? in
                do throws(JSONSyntaxError) { _ = try scanner.scan(raw); return nil } catch { return error }
            }
            XCTAssertNotNil(scanned, text)
            XCTAssertEqual(scanned, failure(text), text)
            XCTAssertTrue(scanner.members.isEmpty, text)
        }
    }

    func testScannerReportsTheKindOfNonObjectLines() throws {
        var scanner = JSONLineScanner()
        XCTAssertEqual(try Array("[1]".utf8).withUnsafeBytes { try scanner.scan($0) }, .array)
        XCTAssertTrue(scanner.members.isEmpty)
        XCTAssertEqual(try Array("\"s\"".utf8).withUnsafeBytes { try scanner.scan($0) }, .string)
    }

    func testColumnsCountCharactersNotBytes() {
        let bytes = Array(#"{"é":1 x}"#.utf8)
        let error = failure(bytes)
        XCTAssertEqual(error?.offset, 8)
        XCTAssertEqual(bytes.withUnsafeBytes { error?.column(in: $0) }, 8)
    }
}
