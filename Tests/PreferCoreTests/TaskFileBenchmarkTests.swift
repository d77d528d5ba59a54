import XCTest
#if canImport(Glibc)
import Glibc
#endif
import PreferCore

/// Times `TaskFile.load` on a big generated file; skipped unless `PREFER_BENCH_TASKS` names
/// one (see benchmarks/taskfile/run.sh, which builds in release mode and reports the numbers).
final class TaskFileBenchmarkTests: XCTestCase {
    func testLoadingTheBenchmarkFileIsFastAndSmall() throws {
        guard let path = ProcessInfo.processInfo.environment["PREFER_BENCH_TASKS"] else {
            throw XCTSkip("set PREFER_BENCH_TASKS to a task file to run the load benchmark")
        }
        let rounds = max(1, Int(ProcessInfo.processInfo.environment["PREFER_BENCH_ROUNDS"] ?? "") ?? 3)
        print("prefer-bench: before loading: \(Self.memory())")
        var best = Double.infinity
        var loaded: TaskFile?
        for round in 1...rounds {
            loaded = nil
            let start = Self.now()
            let file = try TaskFile.load(path: path)
            let seconds = Self.now() - start
            best = min(best, seconds)
            print("prefer-bench: round \(round): loaded \(file.count) tasks in \(String(format: "%.3f", seconds)) s")
            loaded = file
            print("prefer-bench: after round \(round): \(Self.memory())")
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("prefer-bench: best \(String(format: "%.3f", best)) s; peak RSS \(usage.ru_maxrss / 1024) MiB")
        let file = try XCTUnwrap(loaded)
        XCTAssertGreaterThan(file.count, 0)
        XCTAssertEqual(file.sha256.count, 64)
        // Reading tasks back decodes what was validated.
        let last = try file.task(at: file.count - 1)
        XCTAssertEqual(last.id, file.id(at: file.count - 1))
    }

    /// Current and peak resident memory, from /proc/self/status.
    private static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
        return status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .joined(separator: ", ")
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
