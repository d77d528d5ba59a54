import Foundation
import XCTest
@testable import PreferCore

/// Temporary files for task-file and guideline tests, removed when the test ends.
final class TaskFileScratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "prefer-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// One valid single-turn task line.
    static func taskLine(_ id: String, response: String = "fine", extra: String = "") -> String {
        #"{"id":"\#(id)","prompt":"Say hi","response_a":"hi","response_b":"\#(response)","model_a":"m1","model_b":"m2"\#(extra)}"#
    }

    /// Writes `text` as UTF-8.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}

extension XCTestCase {
    /// The problems `TaskFile.load` reports for a file, as `FILE:LINE: reason` lines.
    func taskFileProblems(_ path: String, sliceSize: Int? = nil,
                      file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do throws(ValidationFailure) {
            let loaded: TaskFile
            if let sliceSize {
                loaded = try TaskFile.load(path: path, sliceSize: sliceSize)
            } else {
                loaded = try TaskFile.load(path: path)
            }
            XCTFail("loaded \(loaded.count) tasks", file: file, line: line)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}
