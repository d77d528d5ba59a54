import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

final class SessionWriterFailureTests: XCTestCase {
    private func openWriter(_ temp: SessionTempFolder, _ counter: SyscallCounter) throws -> SessionWriter {
        try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                               sessionID: "S1", calls: counter.calls())
    }

    func testAFailedFsyncEndsTheWriterWithoutTouchingTheDescriptorAgain() throws {
        let temp = SessionTempFolder()
        let counter = SyscallCounter()
        let writer = try openWriter(temp, counter)
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        counter.fsyncResult = -Int(EIO)
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t2"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause, .fsyncFailed(errno: EIO))
            XCTAssertEqual("\(error)", "could not save the label: the file could not be flushed to disk: "
                           + "Input/output error (\(temp.file("ana/S1.jsonl")))")
        }
        XCTAssertTrue(writer.hasFailed)
        counter.fsyncResult = nil  // the disk "recovers": a retry would now falsely succeed
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t3"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause,
                           .earlierFailure("the file could not be flushed to disk: Input/output error"))
        }
        XCTAssertThrowsError(try writer.append(SessionEvent(at: sessionTestNow, .sessionEnd(labels: 1, reason: .error))))
        XCTAssertEqual(counter.log, ["write", "fsync", "write", "fsync"])
    }

    func testAShortWriteIsAnErrorAndTheRestIsNeverWritten() throws {
        let temp = SessionTempFolder()
        let counter = SyscallCounter()
        let writer = try openWriter(temp, counter)
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        let goodLine = temp.bytes("ana/S1.jsonl")
        counter.writeLimit = 20
        let expected = sessionTestLabel("t2").encodedLine(session: "S1", rater: "ana").count
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t2"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause, .shortWrite(written: 20, expected: expected))
            XCTAssertTrue("\(error)".hasPrefix("could not save the label: only 20 of \(expected) bytes could be written"))
        }
        counter.writeLimit = nil
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t3")))
        XCTAssertEqual(counter.log, ["write", "fsync", "write"])
        // The file is the good line plus a torn tail, which the reader drops with a warning.
        let bytes = temp.bytes("ana/S1.jsonl")
        XCTAssertEqual(bytes.count, goodLine.count + 20)
        let parsed = SessionReader.parse(bytes, file: "S1.jsonl")
        XCTAssertEqual(parsed.records.map(\.task), ["t1"])
        XCTAssertEqual(parsed.warnings.map(\.description), ["S1.jsonl:2: ignored a torn last line"])
        XCTAssertEqual(parsed.errors, [])
    }

    func testAFullDiskIsReportedAsASentence() throws {
        let temp = SessionTempFolder()
        let counter = SyscallCounter()
        let writer = try openWriter(temp, counter)
        defer { writer.close() }
        counter.writeResult = -Int(ENOSPC)
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t1"))) { error in
            XCTAssertEqual("\(error)", "could not save the label: No space left on device (\(temp.file("ana/S1.jsonl")))")
        }
        XCTAssertEqual(counter.log, ["write"], "no fsync after a failed write")
        XCTAssertEqual(temp.bytes("ana/S1.jsonl"), [])
    }

    func testAnInterruptedWriteThatWroteNothingIsTriedOnceMore() throws {
        let temp = SessionTempFolder()
        let counter = SyscallCounter()
        let interrupted = InterruptOnce()
        let calls = counter.calls()
        let flaky = FileSystemCalls(write: { fd, bytes in
            interrupted.fire() ? -Int(EINTR) : calls.write(fd, bytes)
        }, fsync: calls.fsync)
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(),
                                            now: sessionTestNow, sessionID: "S1", calls: flaky)
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        XCTAssertEqual(counter.log, ["write", "fsync"])
        XCTAssertEqual(temp.bytes("ana/S1.jsonl"), sessionTestLabel("t1").encodedLine(session: "S1", rater: "ana"))
    }

    func testAClosedWriterRefusesEvents() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        writer.close()
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t1"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause, .closed)
        }
    }

    /// A real `ulimit -f`: with SIGXFSZ ignored the process survives and gets a clear error.
    private func withFileSizeLimit(_ bytes: Int, _ body: () -> Void) {
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        var limited = saved
        limited.rlim_cur = rlim_t(bytes)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        body()
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
    }

    func testAFileSizeLimitAtTheCurrentSizeGivesFileTooLargeAndNoCrash() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                                            sessionID: "S1")
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        let size = temp.bytes("ana/S1.jsonl").count
        var caught: Error?
        withFileSizeLimit(size) {
            do { try writer.append(sessionTestLabel("t2")) } catch { caught = error }
        }
        XCTAssertEqual((caught as? SessionWriteError)?.cause, .writeFailed(errno: EFBIG))
        XCTAssertEqual(caught.map { "\($0)" }, "could not save the label: File too large (\(temp.file("ana/S1.jsonl")))")
        XCTAssertEqual(temp.bytes("ana/S1.jsonl").count, size)
    }

    func testAFileSizeLimitInsideALineGivesAShortWriteAndATornTail() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                                            sessionID: "S1")
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        let size = temp.bytes("ana/S1.jsonl").count
        var caught: Error?
        withFileSizeLimit(size + 10) {
            do { try writer.append(sessionTestLabel("t2")) } catch { caught = error }
        }
        guard case .shortWrite(written: 10, _)? = (caught as? SessionWriteError)?.cause else {
            return XCTFail("expected a short write of 10 bytes, got \(String(describing: caught))")
        }
        let log = try SessionReader.read(paths: [temp.path])
        XCTAssertEqual(log.records.map(\.task), ["t1"])
        XCTAssertEqual(log.warnings.map(\.line), [2])
    }

    func testHiddenCharactersInANoteReachTheFileOnlyAsEscapes() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                                            sessionID: "S1")
        defer { writer.close() }
        let note = "esc\u{1B}]0;title\u{7} bidi\u{202E}txt zwj\u{200D} tag\u{E0041}\u{E007F} sep\u{2028} "
            + "c1\u{9B}31m del\u{7F} bom\u{FEFF} cr\r bs\u{8} 日本 😀"
        try writer.append(sessionTestLabel("t1", note: note))
        let bytes = temp.bytes("ana/S1.jsonl")
        XCTAssertEqual(bytes.filter { $0 < 0x20 }, [UInt8(ascii: "\n")])
        XCTAssertEqual(bytes.last, UInt8(ascii: "\n"))
        XCTAssertFalse(bytes.contains(0x7F))
        let text = String(decoding: bytes.dropLast(), as: UTF8.self)
        XCTAssertFalse(text.unicodeScalars.contains(where: HiddenCharacters.isHidden))
        for escape in [#"\u001b"#, #"\u0007"#, #"\u202e"#, #"\u200d"#, #"\udb40\udc41\udb40\udc7f"#, #"\u2028"#,
                       #"\u009b"#, #"\u007f"#, #"\ufeff"#, #"\r"#, #"\b"#, "日本 😀"] {
            XCTAssertTrue(text.contains(escape), escape)
        }
        let log = try SessionReader.read(paths: [temp.path])
        XCTAssertEqual(log.records.first?.note, note)
    }
}

/// A switch that is on exactly once.
private final class InterruptOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    func fire() -> Bool {
        lock.withLock {
            defer { fired = true }
            return !fired
        }
    }
}

/// The descriptor check (SPEC §4): a file removed or replaced mid-sitting.
extension SessionWriterFailureTests {
    func testARemovedSessionFileEndsTheWriterNamingTheLabelsNotSaved() throws {
        let temp = SessionTempFolder()
        let writer = try openWriter(temp, SyscallCounter())
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        XCTAssertEqual(unlink(temp.file("ana/S1.jsonl")), 0)
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t2"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause, .fileGone(detail: "removed", unsaved: ["t1", "t2"]))
            XCTAssertEqual("\(error)", #"could not save the label: the session file was removed while the sitting ran, so the labels of this sitting are not saved: "t1", "t2" (\#(temp.file("ana/S1.jsonl")))"#)
        }
        XCTAssertTrue(writer.lostFile)
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t3")), "no later event is written")
    }

    func testASessionFileReplacedByARenameEndsTheWriter() throws {
        let temp = SessionTempFolder()
        let writer = try openWriter(temp, SyscallCounter())
        defer { writer.close() }
        try writer.append(SessionEvent(at: sessionTestNow, .skip(task: "t0")))
        temp.write("other.jsonl", "")
        XCTAssertEqual(rename(temp.file("other.jsonl"), temp.file("ana/S1.jsonl")), 0)
        XCTAssertThrowsError(try writer.append(sessionTestLabel("t1"))) { error in
            XCTAssertEqual((error as? SessionWriteError)?.cause, .fileGone(detail: "replaced by another file", unsaved: ["t1"]))
        }
        XCTAssertEqual(temp.bytes("ana/S1.jsonl"), [], "the file now at the path is not written")
    }

    func testAFileStillAtItsPathKeepsTakingEvents() throws {
        let temp = SessionTempFolder()
        let writer = try openWriter(temp, SyscallCounter())
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        try writer.append(sessionTestLabel("t2"))
        XCTAssertFalse(writer.hasFailed)
        XCTAssertEqual(try SessionReader.read(paths: [temp.file("ana")]).records.count, 2)
    }
}
