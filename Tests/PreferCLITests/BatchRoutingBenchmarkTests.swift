import Foundation
import XCTest
@testable import PreferCLI
import PreferCore

/// The batch routing figures of docs/BATCH.md, measured by `benchmarks/batch/run.sh` in a
/// release build; skipped unless `PREFER_BENCH_BATCH` names a folder made by
/// `benchmarks/batch/make_sessions.py` (batch.toml and sessions/ inside).
final class BatchRoutingBenchmarkTests: XCTestCase {
    private static func elapsed(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }

    func testStartUpAndEachStepOfABatchSitting() throws {
        // XCTest on Linux cannot call a main-actor test method; the sitting's source lives there.
        try MainActor.assumeIsolated { try Self.measureSitting() }
    }

    @MainActor private static func measureSitting() throws {
        guard let folder = ProcessInfo.processInfo.environment["PREFER_BENCH_BATCH"] else {
            throw XCTSkip("set PREFER_BENCH_BATCH to a folder made by benchmarks/batch/make_sessions.py")
        }
        let sessions = folder + "/sessions"
        let t0 = DispatchTime.now().uptimeNanoseconds
        let plan = try LabelingPlan.prepare(batchPath: folder + "/batch.toml", sessionsRoot: sessions, raterOverride: "rater00")
        let planned = elapsed(t0)
        let (inputs, feed) = try XCTUnwrap(plan.batch)
        let source = BatchTaskSource(inputs: inputs, rater: "rater00", sessionFile: sessions + "/rater00/bench.jsonl",
                                     feed: feed)
        guard case .task(let first) = try source.next() else { return XCTFail("nothing to route") }
        let firstTask = elapsed(t0)
        print("prefer-bench batch: start-up to first task \(String(format: "%.0f", firstTask)) ms "
              + "(checking the batch and task file, resume: \(String(format: "%.0f", planned)) ms); first task \(first.id)")

        // Each step: five other raters append a `shown` line each, then the sitting looks (new
        // bytes only), applies, and picks the next task. The lines name tasks already closed:
        // claims on the 10 open ones would soon leave this rater nothing, and the step would
        // time the "nothing left" summary instead of a pick.
        let closedTasks = (0..<inputs.tasks.count).map { inputs.tasks.id(at: $0) }.prefix(10)
        var picks = 0
        var stepMs: [Double] = [], routeMs: [Double] = []
        for step in 0..<200 {
            for r in 1...5 {
                let rater = String(format: "rater%02d", (step * 5 + r) % 49 + 1)
                let folderPath = sessions + "/" + rater
                let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folderPath).first { $0.hasSuffix(".jsonl") })
                let task = closedTasks[closedTasks.startIndex + (step + r) % closedTasks.count]
                let at = Timestamp.format(Date())
                let lines = #"{"v":1,"type":"shown","session":"x","rater":"\#(rater)","at":"\#(at)","task":"\#(task)","left":"A"}"# + "\n"
                let handle = try XCTUnwrap(FileHandle(forWritingAtPath: folderPath + "/" + file))
                handle.seekToEndOfFile()
                handle.write(Data(lines.utf8))
                try handle.close()
            }
            let start = DispatchTime.now().uptimeNanoseconds
            if case .task = try source.next() { picks += 1 }
            stepMs.append(elapsed(start))
            let pure = DispatchTime.now().uptimeNanoseconds
            _ = source.router.next(now: Date())
            routeMs.append(elapsed(pure))
        }
        func summary(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "median %.2f ms, p95 %.2f ms, max %.2f ms", sorted[sorted.count / 2],
                          sorted[sorted.count * 95 / 100], sorted.last ?? 0)
        }
        print("prefer-bench batch: next task after 5 appended lines (read + route + load): \(summary(stepMs))"
              + " (\(picks) of \(stepMs.count) steps gave a task)")
        print("prefer-bench batch: router step alone: \(summary(routeMs))")
    }
}
