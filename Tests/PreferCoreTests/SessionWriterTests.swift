import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

final class SessionWriterTests: XCTestCase {
    private func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try body()
    }

    private func assertModes(umaskValue: mode_t, file: StaticString = #filePath, line: UInt = #line) throws {
        let temp = SessionTempFolder()
        let root = temp.file("deep/sessions")
        let writer = try withUmask(umaskValue) {
            try SessionWriter.open(sessionsRoot: root, rater: sessionTestRater(), now: sessionTestNow)
        }
        defer { writer.close() }
        XCTAssertEqual(sessionTestMode(root), 0o750, "sessions folder", file: file, line: line)
        XCTAssertEqual(sessionTestMode(root + "/ana"), 0o750, "rater folder", file: file, line: line)
        XCTAssertEqual(sessionTestMode(writer.filePath), 0o640, "session file", file: file, line: line)
        XCTAssertEqual(sessionTestMode(root + "/ana/.lock"), 0o640, "lock file", file: file, line: line)
    }

    func testFoldersAre0750AndFiles0640UnderAnOpenUmask() throws {
        try assertModes(umaskValue: 0)
    }

    func testFoldersAre0750AndFiles0640UnderAClosedUmask() throws {
        try assertModes(umaskValue: 0o077)
    }

    func testAWorldReadableRaterFolderIsMadePrivate() throws {
        let temp = SessionTempFolder()
        mkdir(temp.file("s"), 0o755)
        mkdir(temp.file("s/ana"), 0o777)
        chmod(temp.file("s/ana"), 0o777)
        let writer = try SessionWriter.open(sessionsRoot: temp.file("s"), rater: sessionTestRater(), now: sessionTestNow)
        writer.close()
        XCTAssertEqual(sessionTestMode(temp.file("s/ana")), 0o750)
        XCTAssertEqual(sessionTestMode(temp.file("s")), 0o755, "an existing sessions folder keeps its mode")
    }

    func testTheFileIsNamedByUTCStartTimeAndItsIdIsTheSessionField() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.file("s/"), rater: sessionTestRater(), now: sessionTestNow)
        defer { writer.close() }
        let name = (writer.filePath as NSString).lastPathComponent
        XCTAssertNotNil(name.range(of: #"^20261128T100000Z-[0-9a-f]{8}\.jsonl$"#, options: .regularExpression), name)
        XCTAssertEqual(writer.filePath, temp.file("s/ana/") + name)
        XCTAssertEqual(writer.sessionID + ".jsonl", name)
        try writer.append(sessionTestLabel("t1"))
        let line = String(decoding: temp.bytes("s/ana/" + name), as: UTF8.self)
        XCTAssertTrue(line.hasPrefix(#"{"v":1,"type":"label","session":"\#(writer.sessionID)","rater":"ana","#), line)
    }

    func testTheSessionFileIsOpenedAppendOnlyWriteOnlyAndCloseOnExec() throws {
        let temp = SessionTempFolder()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        defer { writer.close() }
        let statusFlags = fcntl(writer.fileDescriptor, F_GETFL)
        XCTAssertEqual(statusFlags & O_ACCMODE, O_WRONLY)
        XCTAssertEqual(statusFlags & O_APPEND, O_APPEND)
        XCTAssertEqual(fcntl(writer.fileDescriptor, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC)
    }

    func testASymlinkedRaterFolderIsRefusedAndItsTargetUntouched() throws {
        let temp = SessionTempFolder()
        mkdir(temp.file("s"), 0o750)
        mkdir(temp.file("elsewhere"), 0o755)
        symlink(temp.file("elsewhere"), temp.file("s/ana"))
        XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: temp.file("s"), rater: sessionTestRater(),
                                                    now: sessionTestNow)) { error in
            XCTAssertEqual(error as? SessionOpenError, .symbolicLink(path: temp.file("s/ana")))
            XCTAssertTrue("\(error)".contains("is a symbolic link"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.file("elsewhere")), [])
        XCTAssertEqual(sessionTestMode(temp.file("elsewhere")), 0o755)
    }

    func testASymlinkedSessionsFolderIsRefusedEvenWithATrailingSlash() throws {
        let temp = SessionTempFolder()
        mkdir(temp.file("real"), 0o755)
        symlink(temp.file("real"), temp.file("s"))
        for root in [temp.file("s"), temp.file("s/")] {
            XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: root, rater: sessionTestRater(),
                                                        now: sessionTestNow)) { error in
                XCTAssertEqual(error as? SessionOpenError, .symbolicLink(path: temp.file("s")))
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.file("real")), [])
    }

    func testASymlinkPlantedAtTheSessionFilePathIsRefusedAndNotFollowed() throws {
        let temp = SessionTempFolder()
        mkdir(temp.file("s"), 0o750)
        mkdir(temp.file("s/ana"), 0o750)
        temp.write("victim.txt", "precious\n")
        symlink(temp.file("victim.txt"), temp.file("s/ana/S1.jsonl"))
        symlink(temp.file("created-through-link.txt"), temp.file("s/ana/S2.jsonl"))
        for id in ["S1", "S2"] {
            XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: temp.file("s"), rater: sessionTestRater(),
                                                        now: sessionTestNow, sessionID: id)) { error in
                XCTAssertEqual(error as? SessionOpenError, .symbolicLink(path: temp.file("s/ana/\(id).jsonl")))
            }
        }
        XCTAssertEqual(String(decoding: temp.bytes("victim.txt"), as: UTF8.self), "precious\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.file("created-through-link.txt")))
        // The lock was released on the failure path: a normal open now works.
        let writer = try SessionWriter.open(sessionsRoot: temp.file("s"), rater: sessionTestRater(), now: sessionTestNow)
        writer.close()
    }

    func testAnExistingSessionFileIsNeverAppendedTo() throws {
        let temp = SessionTempFolder()
        temp.write("s/ana/S1.jsonl", "old\n")
        XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: temp.file("s"), rater: sessionTestRater(),
                                                    now: sessionTestNow, sessionID: "S1")) { error in
            XCTAssertEqual(error as? SessionOpenError, .sessionExists(path: temp.file("s/ana/S1.jsonl")))
        }
        XCTAssertEqual(String(decoding: temp.bytes("s/ana/S1.jsonl"), as: UTF8.self), "old\n")
    }

    func testASessionIdThatIsNotAPlainFileNameIsRefused() {
        let temp = SessionTempFolder()
        XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(),
                                                    now: sessionTestNow, sessionID: "../x")) { error in
            XCTAssertEqual(error as? SessionOpenError, .invalidSessionID("../x"))
        }
    }

    func testASecondWriterForTheSameRaterIsRefusedNamingTheHolderPid() throws {
        let temp = SessionTempFolder()
        let first = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        XCTAssertThrowsError(try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(),
                                                    now: sessionTestNow)) { error in
            XCTAssertEqual(error as? SessionOpenError, .alreadyOpen(rater: "ana", pid: getpid()))
            XCTAssertEqual("\(error)", "rater \"ana\" already has a sitting open (pid \(getpid())); finish it first")
        }
        let other = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater("bob"), now: sessionTestNow)
        other.close()
        first.close()
        let second = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow)
        second.close()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.file("ana")).filter { $0.hasSuffix(".jsonl") }.count, 2)
    }

    func testEachEventIsOneWriteOfAWholeLineFollowedByOneFsync() throws {
        let temp = SessionTempFolder()
        let counter = SyscallCounter()
        let writer = try SessionWriter.open(sessionsRoot: temp.path, rater: sessionTestRater(), now: sessionTestNow,
                                            calls: counter.calls())
        defer { writer.close() }
        try writer.append(sessionTestLabel("t1"))
        try writer.append(SessionEvent(at: sessionTestNow, .undo(task: "t1")))
        try writer.append(sessionTestLabel("t1", "B", note: String(repeating: "long note ", count: 2000)))
        XCTAssertEqual(counter.log, ["write", "fsync", "write", "fsync", "write", "fsync"])
        let bytes = temp.bytes("ana/" + writer.sessionID + ".jsonl")
        XCTAssertEqual(counter.writeSizes, bytes.split(separator: UInt8(ascii: "\n")).map { $0.count + 1 })
        XCTAssertEqual(bytes.last, UInt8(ascii: "\n"))
    }
}

/// Records the syscalls a writer makes, passing them through to the real ones unless told to fail.
final class SyscallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    private var sizes: [Int] = []
    /// Returned by `write` instead of calling it (e.g. `-ENOSPC`), when set.
    var writeResult: Int?
    /// Bytes actually written before reporting success, to simulate a short write.
    var writeLimit: Int?
    /// Returned by `fsync` instead of calling it, when set.
    var fsyncResult: Int?

    var log: [String] { lock.withLock { entries } }
    var writeSizes: [Int] { lock.withLock { sizes } }

    func calls() -> FileSystemCalls {
        FileSystemCalls(
            write: { fd, bytes in
                self.lock.withLock {
                    self.entries.append("write")
                    self.sizes.append(bytes.count)
                }
                if let result = self.writeResult { return result }
                let count = min(bytes.count, self.writeLimit ?? bytes.count)
                return FileSystemCalls.system.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
            },
            fsync: { fd in
                self.lock.withLock { self.entries.append("fsync") }
                return self.fsyncResult ?? FileSystemCalls.system.fsync(fd)
            }
        )
    }
}
