import XCTest
@testable import PreferCore

final class JSONWriterTests: XCTestCase {
    func testObjectsKeepKeyOrderAndNumbersKeepTheirLiteralText() {
        let value = JSONValue.object([
            JSONMember("z", .number("1.50")),
            JSONMember("a", .array([.bool(true), .bool(false), .null, .number("-2e3")])),
            JSONMember("m", .object([])),
        ])
        XCTAssertEqual(JSONWriter.serialize(value), #"{"z":1.50,"a":[true,false,null,-2e3],"m":{}}"#)
    }

    func testQuotesBackslashesAndWhitespaceControlsUseShortEscapes() {
        XCTAssertEqual(JSONWriter.quoted("a\"b\\c\nd\te\rf\u{8}g\u{C}h"),
                       #""a\"b\\c\nd\te\rf\bg\fh""#)
    }

    func testEveryHiddenCharacterIsWrittenAsAUnicodeEscape() {
        XCTAssertEqual(JSONWriter.quoted("\u{0}\u{1B}\u{7F}"), #""\u0000\u001b\u007f""#)
        XCTAssertEqual(JSONWriter.quoted("\u{85}\u{9B}\u{AD}"), #""\u0085\u009b\u00ad""#)
        XCTAssertEqual(JSONWriter.quoted("x\u{202E}y\u{2066}z"), #""x\u202ey\u2066z""#)
        XCTAssertEqual(JSONWriter.quoted("\u{200B}\u{200D}\u{FEFF}\u{2028}\u{2029}"),
                       #""\u200b\u200d\ufeff\u2028\u2029""#)
    }

    func testTagCharactersBeyondTheBasicPlaneBecomeSurrogatePairEscapes() {
        XCTAssertEqual(JSONWriter.quoted("\u{E0001}\u{E0041}\u{E007F}"),
                       #""\udb40\udc01\udb40\udc41\udb40\udc7f""#)
    }

    func testVisibleNonASCIITextStaysLiteralUTF8() {
        let text = "日本語 é 👍🏽 👨‍👩‍👧"
        // The family emoji's joiners are format characters and must be escaped; the rest stays.
        XCTAssertEqual(JSONWriter.quoted(text),
                       "\"日本語 é 👍🏽 👨\\u200d👩\\u200d👧\"")
        XCTAssertEqual(JSONWriter.quoted("日本語 é 👍🏽"), "\"日本語 é 👍🏽\"")
    }

    func testNoScalarOfAllUnicodeReachesTheOutputHidden() throws {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF {
            if let scalar = Unicode.Scalar(value) { all.append(scalar) }
        }
        let text = String(all)
        var bytes: [UInt8] = []
        JSONWriter.appendString(text, to: &bytes)
        XCTAssertFalse(bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }))
        let written = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(written.unicodeScalars.contains(where: HiddenCharacters.isHidden))
        XCTAssertEqual(try JSONParser.parse(written), .string(text))
    }

    func testParsingTheOutputGivesTheOriginalStringBack() throws {
        let samples = ["", "plain", "q\"b\\", "\u{1B}[2J\u{7}", "\u{202E}evil\u{202C}", "a\u{E0041}b",
                       "line\u{2028}sep", "日本\u{200D}語", "\r\n\t", "\u{FEFF}bom", "😀\u{0}"]
        for sample in samples {
            XCTAssertEqual(try JSONParser.parse(JSONWriter.quoted(sample)), .string(sample), sample.debugDescription)
        }
    }
}
