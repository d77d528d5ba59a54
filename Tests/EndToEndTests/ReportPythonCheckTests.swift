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
        try runCheck("check_report.py", modules: ["numpy", "scipy", "statsmodels"], seeds: ["5", "11"],
                     saying: "ok: 6 claims")
    }

    /// Issue 11 item 12: likert5 both_bad labels are set aside from every agreement figure and
    /// counted in labels, both-bad rates and win tables; `scripts/statistics/check_likert_both_bad.py`
    /// recomputes alpha (krippendorff package), Fleiss and Cohen (statsmodels), percent
    /// agreement, AC1 and their bootstrap intervals without them.
    func testLikertBothBadIsSetAsideAsKrippendorffAndStatsmodelsComputeWithoutIt() throws {
        try runCheck("check_likert_both_bad.py", modules: ["numpy", "statsmodels", "krippendorff"], seeds: ["3", "8"],
                     saying: "ok: likert5 with ")
    }

    /// Runs a `scripts/statistics` check against the built binary once per seed; skipped when
    /// its Python modules are missing, except in CI, where that is a failure.
    private func runCheck(_ script: String, modules: [String], seeds: [String], saying prefix: String) throws {
        let probe = try ChildProcessRun.python(["-c", "import " + modules.joined(separator: ", ")])
        if probe.status != 0 {
            let missing = modules.joined(separator: "/")
            if ProcessInfo.processInfo.environment["CI"] == "true" { return XCTFail("\(missing) missing in CI: \(probe.stderr)") }
            throw XCTSkip("python3 with \(missing) is needed")
        }
        for seed in seeds {
            let run = try ChildProcessRun.python([Self.repository + "/scripts/statistics/" + script,
                                                  "--prefer", PreferBinary.path, "--seed", seed])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix(prefix), run.stdout + run.stderr)
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
