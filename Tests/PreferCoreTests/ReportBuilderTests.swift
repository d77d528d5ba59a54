import Foundation
import XCTest
@testable import PreferCore

/// `ReportBuilder` end to end on files: reading rules, edge cases, determinism, and the worked
/// example against values from the Python libraries a lead would otherwise use.
final class ReportBuilderTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func label(_ rater: String, _ task: String, _ choice: String, at: String? = nil, left: String? = nil) -> String {
        var fields = ["\"type\":\"label\"", "\"rater\":\"\(rater)\"", "\"task\":\"\(task)\"", "\"choice\":\"\(choice)\""]
        if let at { fields.append("\"at\":\"\(at)\"") }
        if let left { fields.append("\"left\":\"\(left)\"") }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    func build(_ folder: SessionTempFolder, bootstrap: Int = 0, seed: UInt64 = 0, tasks: String? = nil,
               gold: String? = nil) throws -> Report {
        try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")], tasksPath: tasks.map(folder.file),
                                              goldPath: gold.map(folder.file),
                                              bootstrap: BootstrapSettings(resamples: bootstrap, seed: seed)))
    }

    func testWorkedExampleMatchesKrippendorffStatsmodelsAndScikitLearn() throws {
        let root = Self.repository
        let report = try ReportBuilder.build(ReportOptions(
            sessionPaths: [root + "/benchmarks/report/example/sessions"], tasksPath: root + "/examples/demo/tasks.jsonl",
            goldPath: root + "/examples/demo/gold.jsonl", bootstrap: BootstrapSettings(resamples: 0)))
        let s = report.summary
        XCTAssertEqual([s.items, s.raters, s.labels], [28, 5, 140])
        // benchmarks/report/python_pipeline.py on the same files: NumPy, statsmodels
        // fleiss_kappa, krippendorff 0.9 alpha (nominal), AC1 by NumPy.
        XCTAssertEqual(s.percentAgreement.value!, 0.6821428571428572, accuracy: 1e-12)
        XCTAssertEqual(s.fleissKappa.value!, 0.5064173665029315, accuracy: 1e-12)
        XCTAssertEqual(s.gwetAC1.value!, 0.5952618129845381, accuracy: 1e-12)
        XCTAssertEqual(s.alphaNominal.value!, 0.5099429567421963, accuracy: 1e-12)
        // scikit-learn cohen_kappa_score(labels=["A","B","tie","both_bad"]).
        let pair = { (a: String, b: String) in s.pairs.first { $0.first == a && $0.second == b }! }
        XCTAssertEqual(pair("ana", "bo").cohenKappa.value!, 0.7704918032786885, accuracy: 1e-12)
        XCTAssertEqual(pair("dee", "judge").cohenKappa.value!, 0.2945736434108528, accuracy: 1e-12)
        // SciPy binomtest(7, 24).pvalue for bo's left choices.
        let bo = s.raterDetails.first { $0.rater == "bo" }!
        XCTAssertEqual(bo.leftChosen, 7)
        XCTAssertEqual(bo.decisiveLabels, 24)
        XCTAssertEqual(bo.positionBiasP.value!, 0.06391465663909912, accuracy: 1e-12)
        // statsmodels proportion_confint(16, 28, method="wilson").
        let w = s.winRates.first { $0.modelA == "baseline-13b" && $0.modelB == "orca-mini-3b" }!
        XCTAssertEqual([w.winsA, w.winsB, w.ties, w.bothBad], [16, 12, 1, 1])
        XCTAssertEqual(w.ci95.interval!.lower, 0.3907078562746876, accuracy: 1e-12)
        XCTAssertEqual(w.ci95.interval!.upper, 0.734914528758763, accuracy: 1e-12)
        XCTAssertEqual(w.winRateWithTies.value!, 16.5 / 29, accuracy: 1e-15)
        // The torn last line of chen's second sitting is a warning, not an error.
        XCTAssertEqual(report.warnings.count, 1)
        XCTAssertTrue(report.warnings[0].description.hasSuffix(":16: ignored a torn last line"))
        XCTAssertEqual(report.raterFlags[s.raterDetails.firstIndex { $0.rater == "dee" }!], [.fast])
        XCTAssertEqual(report.coverage.goldItemsLabeled, 5)
    }

    func testNoLabelsAtAllGivesNullsWithReasons() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana/s.jsonl", "{\"type\":\"session_start\",\"rater\":\"ana\"}\n")
        let report = try build(folder, bootstrap: 50)
        XCTAssertEqual(report.summary.labels, 0)
        let json = ReportJSON.render(report)
        XCTAssertTrue(json.contains("\"percent_agreement\":null"), json)
        XCTAssertTrue(json.contains("\"reasons\":{\"percent_agreement\":"), json)
        XCTAssertFalse(json.contains("nan"))
        XCTAssertNotNil(try JSONParser.parse(json.trimmingCharacters(in: .newlines)))
    }

    func testOneRaterOneItemReportsWithoutPairs() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana.jsonl", label("ana", "t1", "A"))
        let report = try build(folder, bootstrap: 20)
        XCTAssertEqual(report.summary.items, 1)
        XCTAssertTrue(report.summary.pairs.isEmpty)
        XCTAssertNil(report.summary.percentAgreement.value)
        XCTAssertEqual(report.summary.raterDetails[0].agreementWithOthers.reason,
                       "no item with two or more other labels and a clear majority among them")
        XCTAssertTrue(report.contested.isEmpty)
    }

    func testSameSeedGivesByteIdenticalJSONAndAnotherSeedDoesNot() throws {
        let folder = SessionTempFolder()
        var lines = ""
        for t in 0..<40 {
            for (r, rater) in ["ana", "bo", "chen"].enumerated() {
                lines += label(rater, "t\(t)", ["A", "B", "tie"][(t * 7 + r * (t % 3)) % 3])
            }
        }
        folder.write("sessions/all.jsonl", lines)
        let first = ReportJSON.render(try build(folder, bootstrap: 200, seed: 9))
        let second = ReportJSON.render(try build(folder, bootstrap: 200, seed: 9))
        let other = ReportJSON.render(try build(folder, bootstrap: 200, seed: 10))
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, other)
        XCTAssertTrue(first.contains("\"bootstrap\":{\"resamples\":200,\"seed\":9}"))
    }

    func testDamagedMiddleLineIsAnErrorNamingFileAndLine() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana.jsonl", label("ana", "t1", "A") + "{\"type\":\"label\",\n" + label("ana", "t2", "B"))
        XCTAssertThrowsError(try build(folder)) { error in
            guard case .input(let failure)? = error as? ReportFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.errors.map(\.line), [2])
            XCTAssertTrue(failure.description.hasPrefix(folder.file("sessions/ana.jsonl") + ":2: not valid JSON"),
                          failure.description)
        }
    }

    func testUndoRetractsAndTheLatestLabelWinsAcrossFiles() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana/2.jsonl", label("ana", "t1", "B", at: "2026-11-28T10:00:05.000Z"))
        folder.write("sessions/ana/1.jsonl", label("ana", "t1", "A", at: "2026-11-28T10:00:00.000Z")
                     + label("ana", "t2", "A", at: "2026-11-28T10:00:01.000Z")
                     + "{\"type\":\"undo\",\"rater\":\"ana\",\"task\":\"t2\",\"at\":\"2026-11-28T10:00:02.000Z\"}\n")
        let labels = try SessionLabelReader.read(paths: [folder.file("sessions")]).observedLabels()
        XCTAssertEqual(labels, [ObservedLabel(item: "t1", rater: "ana", choice: "B")])
    }

    func testTaskFileGivesModelsCountsMissingTasksAndRefusesDuplicateLabeledIds() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/s.jsonl", label("ana", "t1", "A") + label("bo", "t1", "A") + label("ana", "t2", "B")
                     + label("ana", "gone", "A"))
        let task = { (id: String, a: String, b: String) in
            "{\"id\":\"\(id)\",\"prompt\":\"p\",\"response_a\":\"x\",\"response_b\":\"y\",\"model_a\":\"\(a)\",\"model_b\":\"\(b)\"}\n"
        }
        folder.write("tasks.jsonl", task("t1", "m2", "m1") + task("t2", "m1", "m2") + task("t3", "m1", "m2"))
        let report = try build(folder, tasks: "tasks.jsonl")
        XCTAssertEqual(report.coverage.tasksInFile, 3)
        XCTAssertEqual(report.coverage.labeledTasksNotInFile, 1)
        XCTAssertEqual(report.coverage.itemsWithModels, 2)
        // t1: two labels for m2 (A); t2: one for m2 (B) → m1 0 wins, m2 3 wins.
        let w = try XCTUnwrap(report.summary.winRates.first)
        XCTAssertEqual([w.modelA, w.modelB], ["m1", "m2"])
        XCTAssertEqual([w.winsA, w.winsB, w.ties, w.bothBad], [0, 3, 0, 0])

        folder.write("tasks.jsonl", task("t1", "m2", "m1") + "{\"id\":\"t2\"\n" + task("t1", "m1", "m2"))
        XCTAssertThrowsError(try build(folder, tasks: "tasks.jsonl")) { error in
            guard case .input(let failure)? = error as? ReportFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.errors.map(\.line), [2, 3], failure.description)
            XCTAssertTrue(failure.errors[1].reason.hasPrefix("duplicate id \"t1\" (first on line 1)"), failure.description)
        }
    }

    func testForeignLabelsWithoutTimesAreOneMoreRater() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/ana.jsonl", label("ana", "t1", "A", at: "2026-11-28T10:00:00.000Z", left: "B"))
        folder.write("sessions/judge.jsonl", label("gpt-judge", "t1", "B") + label("gpt-judge", "t1", "A"))
        let report = try build(folder)
        XCTAssertEqual(report.summary.raterDetails.map(\.rater), ["ana", "gpt-judge"])
        XCTAssertEqual(report.summary.percentAgreement.value, 1)
        XCTAssertNil(report.summary.raterDetails[1].leftRate.value)
    }

    func testCategoriesThatDoNotFitAreAStatisticsFailure() throws {
        let folder = SessionTempFolder()
        folder.write("sessions/s.jsonl", label("ana", "t1", "A") + label("bo", "t1", "maybe"))
        XCTAssertThrowsError(try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")],
                                                                   categories: ["A", "B"]))) { error in
            XCTAssertEqual(error as? ReportFailure, .statistics(.unknownChoice(choice: "maybe", item: "t1", rater: "bo",
                                                                                declared: ["A", "B"])))
        }
    }
}
