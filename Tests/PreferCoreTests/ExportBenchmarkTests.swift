import Dispatch
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
import PreferCore  // public API only, so `swift test -c release` needs no -enable-testing

/// Times each phase of an export on the report benchmark's data (100 000 tasks, 300 000
/// labels); skipped unless `PREFER_BENCH_EXPORT` names the data folder (tasks.jsonl and
/// sessions/). benchmarks/export/run.sh times the real command against `prefer report`.
final class ExportBenchmarkTests: XCTestCase {
    func testEveryFormatExportsTheBenchmarkData() throws {
        guard let folder = ProcessInfo.processInfo.environment["PREFER_BENCH_EXPORT"] else {
            throw XCTSkip("set PREFER_BENCH_EXPORT to a benchmark data folder")
        }
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> String { String(format: "%.3f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) }
        var inputs: (labels: ExportLabels, tasks: LabeledTaskFile)?
        print("prefer-bench: read sessions and tasks", seconds(try clock.measure {
            inputs = try ExportInputs.read(sessionPaths: [folder + "/sessions"], tasksPath: folder + "/tasks.jsonl")
        }))
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        for format in ExportFormat.allCases {
            let sink = CountingSink(fd: null)
            var summary = ExportSummary()
            let time = try clock.measure {
                summary = try Exporter.export(tasks: inputs!.tasks, labels: inputs!.labels, options: ExportOptions(format: format), to: sink)
            }
            print("prefer-bench: export \(format): \(summary.rows) rows, \(sink.count / 1_000_000) MB in \(seconds(time))")
            XCTAssertGreaterThan(summary.rows, 0)
        }
    }
}

/// Writes to a descriptor and counts the bytes.
final class CountingSink: ExportSink {
    let inner: FileDescriptorSink
    private(set) var count = 0
    init(fd: Int32) { inner = FileDescriptorSink(fd: fd, name: "/dev/null") }
    func write(_ bytes: [UInt8]) throws(ExportError) {
        count += bytes.count
        try inner.write(bytes)
    }
}
