import XCTest
@testable import PreferCore

final class GuidelineTests: XCTestCase {
    private var folder: TaskFileScratch!

    override func setUpWithError() throws {
        folder = try TaskFileScratch()
    }

    func testTextKeepsMarkdownAndHashIsOfTheBytesOnDisk() throws {
        let text = "# Guideline\n\n- Prefer **correct** answers.\n- Ties are fine: é 中 🚀\n"
        let path = try folder.write("g.md", text)
        let guideline = try Guideline.load(path: path)
        XCTAssertEqual(guideline, Guideline(path: path, text: text, sha256: ReferenceSHA256.hex(Array(text.utf8))))
    }

    func testBomIsDroppedAndCrlfBecomesLf() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Title\r\n\r\nBody\rstays\r\n".utf8)
        let path = try folder.write("crlf.md", bytes)
        let guideline = try Guideline.load(path: path)
        XCTAssertEqual(guideline.text, "# Title\n\nBody\rstays\n")
        XCTAssertEqual(guideline.sha256, ReferenceSHA256.hex(bytes))
    }

    func testInvalidUTF8NamesLineAndColumn() throws {
        let bytes = Array("# Title\n\nab é ".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
        let path = try folder.write("bad.md", bytes)
        XCTAssertThrowsError(try Guideline.load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path):3: invalid UTF-8 at column 6")
        }
        let first = try folder.write("first.md", [0xEF, 0xBB, 0xBF, 0x61, 0xFF])
        XCTAssertThrowsError(try Guideline.load(path: first)) { error in
            XCTAssertEqual("\(error)", "\(first):1: invalid UTF-8 at column 2")
        }
    }

    func testEmptyAndBlankGuidelinesAreRefused() throws {
        for (name, bytes) in [("empty.md", [UInt8]()), ("blank.md", Array(" \r\n\t\n".utf8)), ("bom.md", [0xEF, 0xBB, 0xBF])] {
            let path = try folder.write(name, bytes)
            XCTAssertThrowsError(try Guideline.load(path: path)) { error in
                XCTAssertEqual("\(error)", "\(path): is empty; a guideline needs some text")
            }
        }
    }

    func testMissingFilesAndDirectoriesAreRefused() throws {
        let missing = folder.path + "/none.md"
        XCTAssertThrowsError(try Guideline.load(path: missing)) { error in
            XCTAssertEqual("\(error)", "\(missing): cannot be opened: No such file or directory")
        }
        XCTAssertThrowsError(try Guideline.load(path: folder.path)) { error in
            XCTAssertEqual("\(error)", "\(folder.path): is a directory, not a file")
        }
    }
}
