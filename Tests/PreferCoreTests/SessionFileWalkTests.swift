import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// SPEC §4 "only regular files are read in a folder walk", the one walk every reader uses.
final class SessionFileWalkTests: XCTestCase {
    private let temp = SessionTempFolder()
    private let good = #"{"type":"label","rater":"ana","task":"t1","choice":"A"}"# + "\n"

    func testLinksFIFOsAndSocketsInAFolderAreSkippedWithOneWarningEach() throws {
        temp.write("s/ana/a.jsonl", good)
        temp.write("s/bo/b.jsonl", good.replacingOccurrences(of: "ana", with: "bo"))
        XCTAssertEqual(symlink("/dev/zero", temp.file("s/ana/zero.jsonl")), 0)
        XCTAssertEqual(symlink(temp.file("s/bo/b.jsonl"), temp.file("s/ana/twice.jsonl")), 0)
        XCTAssertEqual(symlink(temp.file("s/bo"), temp.file("s/linked-folder")), 0)
        XCTAssertEqual(mkfifo(temp.file("s/ana/fifo.jsonl"), 0o600), 0)
        XCTAssertEqual(mknod(temp.file("s/ana/socket.jsonl"), S_IFSOCK | 0o600, 0), 0)
        let expected = [
            "s/ana/fifo.jsonl: skipped: a FIFO (only regular files are read in a folder)",
            "s/ana/socket.jsonl: skipped: a socket (only regular files are read in a folder)",
            "s/ana/twice.jsonl: skipped: a symbolic link (only regular files are read in a folder)",
            "s/ana/zero.jsonl: skipped: a symbolic link (only regular files are read in a folder)",
            "s/linked-folder: skipped: a symbolic link (only regular files are read in a folder)",
        ]
        func relative(_ warnings: [InputError]) -> [String] {
            warnings.map { $0.description.replacingOccurrences(of: temp.path + "/", with: "") }.sorted()
        }
        let log = try SessionReader.read(paths: [temp.file("s")])
        XCTAssertEqual(relative(log.warnings), expected)
        XCTAssertEqual(log.records.map(\.rater), ["ana", "bo"], "each real file read once")
        let set = try SessionLabelReader.read(paths: [temp.file("s")], workers: 2)
        XCTAssertEqual(relative(set.warnings), expected)
        XCTAssertEqual(set.coded.rater.count, 2)
        XCTAssertEqual(relative(SessionFileCheck.check(paths: [temp.file("s")]).warnings), expected)
    }

    func testAFIFOOrDeviceNamedOnTheCommandLineIsAnErrorNotAHang() throws {
        XCTAssertEqual(mkfifo(temp.file("named.jsonl"), 0o600), 0)
        for path in [temp.file("named.jsonl"), "/dev/zero"] {
            let kind = path == "/dev/zero" ? "a character device" : "a FIFO"
            let expected = ["\(path): is \(kind), not a regular file; only files and folders are read"]
            XCTAssertThrowsError(try SessionReader.read(paths: [path])) {
                XCTAssertEqual(($0 as? ValidationFailure)?.errors.map(\.description), expected)
            }
            XCTAssertThrowsError(try SessionLabelReader.read(paths: [path])) {
                XCTAssertEqual(($0 as? ValidationFailure)?.errors.map(\.description), expected)
            }
            XCTAssertEqual(SessionFileCheck.check(paths: [path]).errors.map(\.description), expected)
        }
        // A link named on the command line to a regular file is followed.
        temp.write("real.jsonl", good)
        XCTAssertEqual(symlink(temp.file("real.jsonl"), temp.file("link.jsonl")), 0)
        XCTAssertEqual(try SessionReader.read(paths: [temp.file("link.jsonl")]).records.count, 1)
    }

    func testALineLongerThanTheLimitIsAnErrorWithItsLine() throws {
        let long = String(repeating: "x", count: InputLimits.lineBytes + 10)
        temp.write("s/big.jsonl", good + good + long)
        let expected = ["\(temp.file("s/big.jsonl")):3: line is longer than 16 MiB, the limit for a line"]
        XCTAssertThrowsError(try SessionReader.read(paths: [temp.file("s")])) {
            XCTAssertEqual(($0 as? ValidationFailure)?.errors.map(\.description), expected)
        }
        XCTAssertThrowsError(try SessionLabelReader.read(paths: [temp.file("s")])) {
            XCTAssertEqual(($0 as? ValidationFailure)?.errors.map(\.description), expected)
        }
        // A line of exactly the limit is read (and here is not JSON: an ordinary torn tail).
        temp.write("s/big.jsonl", good + String(repeating: "x", count: InputLimits.lineBytes))
        XCTAssertEqual(try SessionReader.read(paths: [temp.file("s")]).warnings.map(\.line), [2])
    }
}
