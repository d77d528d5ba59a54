import Foundation
import XCTest

/// Issue 17: the report's claims, pooled vote-pair agreement (MT-Bench, with and without
/// ties) and length bias held to an independent computation in Python (scipy, statsmodels,
/// numpy) on generated data: `scripts/statistics/check_report.py` generates tasks and labels,
/// runs the built `prefer report --format json`, recomputes every figure and fails on any
/// difference above 1e-9. `.ci/run` installs scipy and statsmodels when they are missing; run
/// elsewhere without them, the test is skipped (never in CI).
final class ReportPythonCheckTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func testClaimsPooledAgreementAndLengthBiasMatchScipyAndStatsmodels() throws {
        let probe = try ChildProcessRun.python(["-c", "import numpy, scipy, statsmodels"])
        if probe.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { return XCTFail("scipy/statsmodels missing in CI: \(probe.stderr)") }
            throw XCTSkip("python3 with numpy, scipy and statsmodels is needed")
        }
        for seed in ["5", "11"] {
            let run = try ChildProcessRun.python([Self.repository + "/scripts/statistics/check_report.py",
                                                  "--prefer", PreferBinary.path, "--seed", seed])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix("ok: 6 claims"), run.stdout + run.stderr)
        }
    }

    /// Issue 11 item 12: likert5 both_bad labels are set aside from every agreement figure and
    /// counted in labels, both-bad rates and win tables; `scripts/statistics/check_likert_both_bad.py`
    /// recomputes alpha (krippendorff package), Fleiss and Cohen (statsmodels), percent
    /// agreement, AC1 and their bootstrap intervals without them.
    func testLikertBothBadIsSetAsideAsKrippendorffAndStatsmodelsComputeWithoutIt() throws {
        let probe = try ChildProcessRun.python(["-c", "import numpy, statsmodels, krippendorff"])
        if probe.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { return XCTFail("krippendorff/statsmodels missing in CI: \(probe.stderr)") }
            throw XCTSkip("python3 with numpy, statsmodels and krippendorff is needed")
        }
        for seed in ["3", "8"] {
            let run = try ChildProcessRun.python([Self.repository + "/scripts/statistics/check_likert_both_bad.py",
                                                  "--prefer", PreferBinary.path, "--seed", seed])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix("ok: likert5 with "), run.stdout + run.stderr)
        }
    }
}

/// Runs python3 with no standard input and collects its output.
enum ChildProcessRun {
    static func python(_ arguments: [String]) throws -> PreferBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        return try PreferBinary.collect(process)
    }
}
