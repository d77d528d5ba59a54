import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// A fresh temporary folder per test, removed afterwards.
final class SessionTempFolder {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "prefer-sessions-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "prefer-sessions-\(UUID())"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes `text` exactly (no newline added), creating folders on the way.
    func write(_ relative: String, _ text: String) {
        let full = file(relative)
        let folder = (full as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: file(relative)) ?? Data())
    }
}

/// `stat` of a path without following a final symlink.
func sessionTestMode(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

/// A fixed moment: 2026-11-28T10:00:00.123Z.
let sessionTestNow = Date(timeIntervalSince1970: 1_795_860_000.123)

func sessionTestRater(_ name: String = "ana") -> RaterName {
    // Test names are valid literals; a failure here is a broken test, reported as such.
    guard let rater = try? RaterName(name) else {
        XCTFail("invalid test rater \(name)")
        return try! RaterName("invalid")
    }
    return rater
}

func sessionTestLabel(_ task: String, _ choice: String = "A", note: String? = nil,
                      at: Date = sessionTestNow) -> SessionEvent {
    SessionEvent(at: at, .label(LabelInfo(task: task, taskSHA256: "sha-" + task, choice: choice,
                                          left: .b, ms: 1234, note: note)))
}
