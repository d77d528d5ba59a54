import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

final class AtomicFileWriterTests: XCTestCase {
    private func entries(_ folder: SessionTempFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func testACommittedFileHoldsExactlyTheBytesWithMode0640() throws {
        let folder = SessionTempFolder()
        let writer = try AtomicFileWriter(path: folder.file("out.jsonl"))
        try writer.write(Array("one\n".utf8))
        try writer.write(Array("two\n".utf8))
        try writer.commit()
        XCTAssertEqual(folder.bytes("out.jsonl"), Array("one\ntwo\n".utf8))
        XCTAssertEqual(sessionTestMode(folder.file("out.jsonl")), 0o640)
        XCTAssertEqual(entries(folder), ["out.jsonl"])
    }

    func testTheOldFileStaysWholeUntilCommitAndADiscardLeavesIt() throws {
        let folder = SessionTempFolder()
        folder.write("out.jsonl", "old\n")
        let writer = try AtomicFileWriter(path: folder.file("out.jsonl"))
        try writer.write(Array("new\n".utf8))
        XCTAssertEqual(folder.bytes("out.jsonl"), Array("old\n".utf8))
        XCTAssertEqual(entries(folder).count, 2)
        writer.discard()
        XCTAssertEqual(folder.bytes("out.jsonl"), Array("old\n".utf8))
        XCTAssertEqual(entries(folder), ["out.jsonl"])
    }

    func testAWriterDroppedWithoutCommitRemovesItsTemporaryFile() throws {
        let folder = SessionTempFolder()
        do {
            let writer = try AtomicFileWriter(path: folder.file("out.jsonl"))
            try writer.write(Array("x".utf8))
        }
        XCTAssertEqual(entries(folder), [])
    }

    func testAMissingFolderIsAnErrorNamingThePath() {
        let folder = SessionTempFolder()
        XCTAssertThrowsError(try AtomicFileWriter(path: folder.file("no/such/out.jsonl"))) { error in
            XCTAssertEqual(error as? ExportError,
                           .output(path: folder.file("no/such/out.jsonl"), operation: "create a temporary file for", code: ENOENT))
            XCTAssertTrue("\(error)".hasPrefix("could not create a temporary file for \(folder.file("no/such/out.jsonl")): "))
        }
    }

    func testReplacingAFolderFailsAndLeavesNoTemporaryFile() throws {
        let folder = SessionTempFolder()
        folder.write("dir/keep", "k")
        let writer = try AtomicFileWriter(path: folder.file("dir"))
        try writer.write(Array("x".utf8))
        XCTAssertThrowsError(try writer.commit())
        XCTAssertEqual(entries(folder), ["dir"])
    }
}
