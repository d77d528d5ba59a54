import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// SPEC §9 `-o` targets, decided by `OutputTarget.resolve` for export and make-tasks alike.
final class OutputTargetTests: XCTestCase {
    private let temp = SessionTempFolder()

    private func refusal(_ path: String) -> String? {
        do {
            _ = try OutputTarget.resolve(path, newFileMode: 0o640)
            return nil
        } catch {
            return error.description
        }
    }

    func testRegularFilesAreReplacedKeepingTheirModeAndLinksAtTheirRealPath() throws {
        temp.write("out.jsonl", "old\n")
        XCTAssertEqual(chmod(temp.file("out.jsonl"), 0o664), 0)
        XCTAssertEqual(try OutputTarget.resolve(temp.file("out.jsonl"), newFileMode: 0o640).kind,
                       .replace(path: temp.file("out.jsonl"), mode: 0o664, existing: true))
        XCTAssertEqual(symlink(temp.file("out.jsonl"), temp.file("link.jsonl")), 0)
        let real = try XCTUnwrap(realpath(temp.file("out.jsonl"), nil).map { p in defer { free(p) }; return String(cString: p) })
        XCTAssertEqual(try OutputTarget.resolve(temp.file("link.jsonl"), newFileMode: 0o640).kind,
                       .replace(path: real, mode: 0o664, existing: true))
        XCTAssertEqual(try OutputTarget.resolve(temp.file("new.jsonl"), newFileMode: 0o644).kind,
                       .replace(path: temp.file("new.jsonl"), mode: 0o644, existing: false))
        // Written through: the mode survives the replacement.
        let file = try OutputTarget.resolve(temp.file("link.jsonl"), newFileMode: 0o640).open()
        try file.write(Array("new\n".utf8))
        try file.commit()
        XCTAssertEqual(temp.bytes("out.jsonl"), Array("new\n".utf8))
        XCTAssertEqual(sessionTestMode(temp.file("out.jsonl")), 0o664)
        XCTAssertEqual(sessionTestMode(temp.file("link.jsonl")).map { _ in true }, true)
        var info = stat()
        XCTAssertEqual(lstat(temp.file("link.jsonl"), &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the link is still a link")
    }

    func testDevicesFIFOsAndLinksToThemAreWrittenInPlace() throws {
        XCTAssertEqual(try OutputTarget.resolve("/dev/null", newFileMode: 0o640).kind, .inPlace)
        XCTAssertEqual(try OutputTarget.resolve("/dev/stdout", newFileMode: 0o640).kind == .inPlace,
                       FileKind.of("/dev/stdout") != S_IFREG)
        XCTAssertEqual(mkfifo(temp.file("fifo"), 0o600), 0)
        XCTAssertEqual(try OutputTarget.resolve(temp.file("fifo"), newFileMode: 0o640).kind, .inPlace)
        // Written through a device node of our own (the null device, made with mknod as root),
        // so a regression replaces that node and never the machine's /dev/null.
        // (dev_t 1:3 spelled out: glibc's makedev is a macro Swift does not import.)
        let node = temp.file("null")
        guard mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
            throw XCTSkip("mknod needs root; resolving /dev/null above still checks the decision")
        }
        XCTAssertEqual(try OutputTarget.resolve(node, newFileMode: 0o640).kind, .inPlace)
        let null = try OutputTarget.resolve(node, newFileMode: 0o640).open()
        try null.write(Array("x\n".utf8))
        try null.commit()
        XCTAssertEqual(FileKind.of(node), S_IFCHR)
    }

    func testSessionFilesEmptyNamesAndFoldersAreRefused() throws {
        let writer = try SessionWriter.open(sessionsRoot: temp.file("sessions"), rater: sessionTestRater("alice"),
                                            now: sessionTestNow, sessionID: "S1")
        try writer.append(sessionTestLabel("t1"))
        writer.close()
        XCTAssertEqual(refusal(temp.file("sessions/alice/S1.jsonl")),
                       #"-o \#(temp.file("sessions/alice/S1.jsonl")) is inside the rater folder of "alice"; reports would read it as a session file"#)
        XCTAssertNotNil(refusal(temp.file("sessions/alice/new.jsonl")))
        temp.write("copy.jsonl", String(decoding: temp.bytes("sessions/alice/S1.jsonl"), as: UTF8.self))
        XCTAssertEqual(refusal(temp.file("copy.jsonl")),
                       "-o \(temp.file("copy.jsonl")) is a session file (its first line is a session event); prefer will not replace it")
        temp.write("rows.jsonl", #"{"task":"t1","rater":"alice","choice":"A"}"# + "\n")
        XCTAssertNil(refusal(temp.file("rows.jsonl")), "an earlier export is replaced")
        XCTAssertEqual(refusal(""), "-o needs a file name (it was given an empty one)")
        XCTAssertEqual(refusal(temp.path + "/"), "-o \(temp.path)/ names a folder; give a file name, e.g. -o \(temp.path)/out.jsonl")
        XCTAssertEqual(refusal(temp.path), "-o \(temp.path) is a folder; give a file name, e.g. -o \(temp.path)/out.jsonl")
        XCTAssertEqual(symlink(temp.file("nowhere"), temp.file("dangling")), 0)
        XCTAssertNotNil(refusal(temp.file("dangling")))
    }
}
