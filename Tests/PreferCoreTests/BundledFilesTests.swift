import Foundation
import XCTest
@testable import PreferCore

/// The files compiled into prefer are exact copies of the repository's, and are read by the
/// same loaders as files on disk.
final class BundledFilesTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func repositoryBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repository.appendingPathComponent(path)))
    }

    func testBundledCopiesMatchTheRepositoryFilesByteForByte() throws {
        for bundled in [BundledFile.demoTasks, BundledFile.defaultGuideline] {
            let onDisk = try repositoryBytes(bundled.sourcePath)
            XCTAssertFalse(onDisk.isEmpty)
            XCTAssertEqual(bundled.bytes.count, onDisk.count, "\(bundled.sourcePath): the build did not embed the file as it is")
            XCTAssertTrue(bundled.bytes == onDisk, "\(bundled.sourcePath): the build did not embed the file as it is")
        }
        XCTAssertEqual(BundledFile.demoTasks.sourcePath, "examples/demo/tasks.jsonl")
        XCTAssertEqual(BundledFile.defaultGuideline.sourcePath, "guidelines/default.md")
    }

    func testTheBundledDemoLoadsLikeTheFileWithTheSameHashes() throws {
        let path = repository.appendingPathComponent("examples/demo/tasks.jsonl").path
        let file = try TaskFile.load(path: path)
        let bundled = try TaskFile.load(bundled: .demoTasks)
        XCTAssertEqual(bundled.path, "(built-in) examples/demo/tasks.jsonl")
        XCTAssertEqual(bundled.count, 28)
        XCTAssertEqual(bundled.count, file.count)
        XCTAssertEqual(bundled.sha256, ReferenceSHA256.hex(try repositoryBytes("examples/demo/tasks.jsonl")))
        for index in 0..<file.count {
            XCTAssertEqual(bundled.id(at: index), file.id(at: index))
            XCTAssertEqual(try bundled.taskSHA256(at: index), try file.taskSHA256(at: index))
            XCTAssertEqual(try bundled.task(at: index), try file.task(at: index))
        }
    }

    func testTheBundledGuidelineLoadsLikeTheFile() throws {
        let file = try Guideline.load(path: repository.appendingPathComponent("guidelines/default.md").path)
        let bundled = try Guideline.load(bundled: .defaultGuideline)
        XCTAssertEqual(bundled.path, "(built-in) guidelines/default.md")
        XCTAssertEqual(bundled.text, file.text)
        XCTAssertEqual(bundled.sha256, ReferenceSHA256.hex(try repositoryBytes("guidelines/default.md")))
    }
}
