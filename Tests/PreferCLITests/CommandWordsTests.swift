import XCTest
import PreferCore
@testable import PreferCLI

/// Counts say their noun in the right number; a mistyped subcommand gets a suggestion.
final class CommandWordsTests: XCTestCase {
    func testCountsAgreeWithTheirNoun() {
        XCTAssertEqual(Counted.noun(0, "label"), "0 labels")
        XCTAssertEqual(Counted.noun(1, "label"), "1 label")
        XCTAssertEqual(Counted.noun(2, "label"), "2 labels")
        XCTAssertEqual(Counted.noun(1, "more missing answer", plural: "more missing answers"), "1 more missing answer")
        XCTAssertEqual(Counted.noun(3, "analysis", plural: "analyses"), "3 analyses")
    }

    private let names = ["label", "validate", "report", "export", "make-tasks"]

    func testTheClosestSubcommandIsSuggested() {
        XCTAssertEqual(SubcommandSuggestion.closest(to: "reprot", among: names), "report")
        XCTAssertEqual(SubcommandSuggestion.closest(to: "lable", among: names), "label")
        XCTAssertEqual(SubcommandSuggestion.closest(to: "valdate", among: names), "validate")
        XCTAssertEqual(SubcommandSuggestion.closest(to: "exprot", among: names), "export")
        XCTAssertEqual(SubcommandSuggestion.closest(to: "make", among: names), "make-tasks")
        XCTAssertEqual(SubcommandSuggestion.closest(to: "Report", among: names), "report")
        XCTAssertNil(SubcommandSuggestion.closest(to: "zzz", among: names))
        XCTAssertNil(SubcommandSuggestion.closest(to: "x", among: names))
    }

    func testEditDistanceCountsATranspositionAsOneEdit() {
        XCTAssertEqual(SubcommandSuggestion.editDistance(Array("reprot"), Array("report")), 1)
        XCTAssertEqual(SubcommandSuggestion.editDistance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(SubcommandSuggestion.editDistance(Array(""), Array("abc")), 3)
    }

    func testOnlyAnUnknownFirstWordIsAProblem() {
        XCTAssertNil(SubcommandSuggestion.problem(arguments: [], names: names))
        XCTAssertNil(SubcommandSuggestion.problem(arguments: ["--help"], names: names))
        XCTAssertNil(SubcommandSuggestion.problem(arguments: ["report", "reprot"], names: names))
        XCTAssertNil(SubcommandSuggestion.problem(arguments: ["help"], names: names))
        XCTAssertNil(SubcommandSuggestion.problem(arguments: ["help", "label"], names: names))
        XCTAssertEqual(SubcommandSuggestion.problem(arguments: ["reprot", "sessions/"], names: names),
                       "unknown command 'reprot'; did you mean 'report'?\nCommands: label, validate, report, export, make-tasks (see prefer --help)")
        XCTAssertEqual(SubcommandSuggestion.problem(arguments: ["help", "lable"], names: names),
                       "unknown command 'lable'; did you mean 'label'?\nCommands: label, validate, report, export, make-tasks (see prefer --help)")
        XCTAssertEqual(SubcommandSuggestion.problem(arguments: ["frobnicate"], names: names),
                       "unknown command 'frobnicate'\nCommands: label, validate, report, export, make-tasks (see prefer --help)")
    }
}
