import Foundation
@testable import PreferCLI
import PreferCore
import XCTest

/// `prefer report` as a command: options, exit codes, colour rules, and what the text and
/// Markdown renderers do with hostile names.
final class ReportCommandTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "prefer-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    private func label(_ rater: String, _ task: String, _ choice: String) -> String {
        "{\"type\":\"label\",\"rater\":\"\(rater)\",\"task\":\"\(task)\",\"choice\":\"\(choice)\"}\n"
    }

    private func report(_ arguments: [String] = []) throws -> Report {
        let command = try ReportCommand.parse([folder + "/sessions"] + arguments)
        return try ReportBuilder.build(ReportOptions(sessionPaths: command.paths, categories: command.categories.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }, bootstrap: BootstrapSettings(resamples: command.bootstrap, seed: command.seed)))
    }

    func testOptionsParseWithSpecDefaults() throws {
        let command = try ReportCommand.parse([])
        XCTAssertEqual(command.paths, [])
        XCTAssertEqual(command.format, .text)
        XCTAssertEqual(command.bootstrap, 1000)
        XCTAssertEqual(command.seed, 0)
        XCTAssertFalse(command.ordinal)
        let full = try ReportCommand.parse(["a", "b/", "--tasks", "t.jsonl", "--gold", "g.jsonl", "--format", "json",
                                            "--bootstrap", "0", "--seed", "7", "--categories", "x,y", "--ordinal"])
        XCTAssertEqual(full.paths, ["a", "b/"])
        XCTAssertEqual([full.tasks, full.gold, full.categories], ["t.jsonl", "g.jsonl", "x,y"])
        XCTAssertEqual(full.format, .json)
        XCTAssertEqual([full.bootstrap, Int(full.seed)], [0, 7])
        XCTAssertTrue(full.ordinal)
        XCTAssertThrowsError(try ReportCommand.parse(["--bootstrap", "-1"]))
        XCTAssertThrowsError(try ReportCommand.parse(["--format", "pdf"]))
    }

    func testDamagedSessionLineFailsWithExitTwoNamingFileAndLine() throws {
        write("sessions/ana.jsonl", label("ana", "t1", "A") + "{oops\n" + label("ana", "t2", "A"))
        let command = try ReportCommand.parse([folder + "/sessions", "--bootstrap", "0"])
        XCTAssertThrowsError(try command.run()) { error in
            let failure = error as? CommandFailure
            XCTAssertEqual(failure?.exitCode, 2)
            XCTAssertTrue(failure?.message.hasPrefix(self.folder + "/sessions/ana.jsonl:2: not valid JSON") ?? false,
                          failure?.message ?? "\(error)")
        }
    }

    func testMissingSessionFolderIsBadInput() throws {
        let command = try ReportCommand.parse([folder + "/nowhere"])
        XCTAssertThrowsError(try command.run()) { XCTAssertEqual(($0 as? CommandFailure)?.exitCode, 2) }
    }

    func testColourOnlyOnATerminalWithoutNoColor() {
        XCTAssertTrue(ReportCommand.colorWanted(environment: ["TERM": "xterm"], isTerminal: true))
        XCTAssertFalse(ReportCommand.colorWanted(environment: ["TERM": "xterm"], isTerminal: false))
        XCTAssertFalse(ReportCommand.colorWanted(environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true))
        XCTAssertFalse(ReportCommand.colorWanted(environment: ["TERM": "dumb"], isTerminal: true))
        // An empty NO_COLOR does not count (no-color.org).
        XCTAssertTrue(ReportCommand.colorWanted(environment: ["NO_COLOR": ""], isTerminal: true))
    }

    func testHostileNamesAreSanitizedInTextAndEscapedInMarkdown() throws {
        write("sessions/s.jsonl", label("evil\\u001b[2J", "t|1", "A") + label("bo", "t|1", "B")
              + label("evil\\u001b[2J", "t2", "A") + label("bo", "t2", "A"))
        let r = try report(["--bootstrap", "0"])
        let text = ReportTextRenderer.render(r, color: false)
        XCTAssertFalse(text.contains("\u{1B}"), text)
        XCTAssertTrue(text.contains("evil␛[2J"), text)
        let colored = ReportTextRenderer.render(r, color: true)
        XCTAssertTrue(colored.contains("\u{1B}[1mAgreement\u{1B}[0m"))
        let markdown = ReportMarkdownRenderer.render(r)
        XCTAssertTrue(markdown.contains("| t\\|1 | 2 | 0.0% |"), markdown)
        XCTAssertFalse(markdown.contains("\u{1B}"))
    }

    func testTextReportReadsCoefficientsAndPutsWinRatesNextToAgreement() throws {
        var lines = ""
        for t in 0..<30 {
            lines += label("ana", "t\(t)", "A") + label("bo", "t\(t)", t % 5 == 0 ? "B" : "A")
        }
        write("sessions/s.jsonl", lines)
        let text = ReportTextRenderer.render(try report(["--bootstrap", "100", "--seed", "3"]), color: false)
        XCTAssertTrue(text.contains("raters agree on 80.0% of label pairs"), text)
        XCTAssertTrue(text.contains("Rater pairs\n==========="), text)
        XCTAssertTrue(text.contains("No task file (--tasks)"), text)
        XCTAssertFalse(text.contains(" \n"), "no trailing spaces")
    }

    /// Issue 11 item 12: every renderer says how many likert5 both_bad labels its agreement
    /// figures set aside; a report without them says nothing of it (and JSON has no key).
    func testLikertBothBadSetAsideIsSaidInEveryFormat() throws {
        var lines = ""
        for t in 0..<6 {
            lines += label("ana", "t\(t)", "A>B") + label("bo", "t\(t)", t < 2 ? "both_bad" : "A>B") + label("cy", "t\(t)", "A>>B")
        }
        write("sessions/s.jsonl", lines)
        let r = try report(["--bootstrap", "0"])
        XCTAssertEqual(r.summary.labels, 18)
        XCTAssertEqual(r.summary.categories.names, Scale.likert5.values)
        let sentence = "2 both_bad labels set aside: every agreement figure here leaves them out (they have no place on the "
            + "scale's order); they count in the labels, the both-bad rates and the win tables."
        let text = ReportTextRenderer.render(r, color: false)
        XCTAssertTrue(text.replacingOccurrences(of: "\n    ", with: " ").contains("· " + sentence), text)
        XCTAssertTrue(ReportMarkdownRenderer.render(r).contains(sentence.replacingOccurrences(of: "both_bad", with: "both\\_bad")),
                      ReportMarkdownRenderer.render(r))
        XCTAssertTrue(ReportHTMLRenderer.render(r).contains("<li>" + sentence.replacingOccurrences(of: "'", with: "&#39;") + "</li>"),
                      "HTML")
        XCTAssertTrue(ReportJSON.render(r).contains(#"}],"set_aside_labels":{"both_bad":2},"reasons""#), ReportJSON.render(r))
        write("sessions/s.jsonl", lines.replacingOccurrences(of: "both_bad", with: "A>B"))
        let none = try report(["--bootstrap", "0"])
        XCTAssertFalse(ReportTextRenderer.render(none, color: false).contains("set aside"))
        XCTAssertFalse(ReportJSON.render(none).contains("set_aside"))
    }

    /// Issue 11 item 10: a rater whose labels were all undone (or who only skipped) printed
    /// `-nan%`; the row shows dashes, a note says why, and JSON nulls carry that reason.
    func testARaterWithNoEffectiveLabelShowsDashesWithAReasonNeverNaN() throws {
        write("sessions/s.jsonl", label("ana", "t1", "A") + "{\"type\":\"undo\",\"rater\":\"ana\",\"task\":\"t1\"}\n"
              + "{\"type\":\"skip\",\"rater\":\"cy\",\"task\":\"t2\"}\n"
              + label("bo", "t1", "A") + label("bo", "t2", "B"))
        let r = try report(["--bootstrap", "0"])
        let text = ReportTextRenderer.render(r, color: false)
        XCTAssertFalse(text.lowercased().contains("nan"), text)
        let rows = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.contains("  ana         0                 —          —             —     —         —            —     —"), text)
        XCTAssertTrue(rows.contains("  cy          0                 —          —             —     —         —            —     —"), text)
        XCTAssertTrue(text.contains("  · ana, cy: no effective label (every label undone, or only skips); the row shows — for each\n    rate.\n"), text)
        XCTAssertFalse(ReportMarkdownRenderer.render(r).lowercased().contains("nan"))
        let json = ReportJSON.render(r)
        XCTAssertFalse(json.lowercased().contains("nan"), json)
        guard case .object(let top)? = try? JSONParser.parse(json.trimmingCharacters(in: .newlines)),
              case .array(let raters)? = top.first(where: { $0.key == "raters_detail" })?.value,
              case .object(let ana)? = raters.first else { return XCTFail(json) }
        XCTAssertEqual(ana.first { $0.key == "tie_rate" }?.value, .null)
        guard case .object(let reasons)? = ana.first(where: { $0.key == "reasons" })?.value else { return XCTFail(json) }
        XCTAssertEqual(reasons.first { $0.key == "tie_rate" }?.value,
                       .string("no effective label (every label undone, or only skips)"))
        XCTAssertEqual(Self.nullsWithoutReason(.object(top)), [], json)
    }

    /// The keys whose value is null while their object's `reasons` does not name them.
    static func nullsWithoutReason(_ value: JSONValue, at path: String = "") -> [String] {
        switch value {
        case .object(let members):
            var reasons = Set<String>()
            if case .object(let listed)? = members.first(where: { $0.key == "reasons" })?.value {
                reasons = Set(listed.map(\.key))
            }
            return members.flatMap { member -> [String] in
                if member.value == .null { return reasons.contains(member.key) ? [] : [path + "/" + member.key] }
                return nullsWithoutReason(member.value, at: path + "/" + member.key)
            }
        case .array(let items):
            return items.enumerated().flatMap { nullsWithoutReason($0.element, at: path + "/\($0.offset)") }
        default:
            return []
        }
    }

    /// Issue 11 item 11: a folder without labels gave exit 0 and a page of dashes.
    func testAFolderWithoutLabelsIsExitOneSayingWhatWasFound() throws {
        write("sessions/a.jsonl", "{\"type\":\"session_start\",\"rater\":\"ana\"}\n" + label("ana", "t1", "A")
              + "{\"type\":\"undo\",\"rater\":\"ana\",\"task\":\"t1\"}\n")
        write("sessions/b.jsonl", "{\"type\":\"skip\",\"rater\":\"bo\",\"task\":\"t1\"}\n")
        let command = try ReportCommand.parse([folder + "/sessions", "--bootstrap", "0"])
        XCTAssertThrowsError(try command.run()) { error in
            let failure = error as? CommandFailure
            XCTAssertEqual(failure?.exitCode, 1)
            XCTAssertEqual(failure?.message, "2 session files, 0 labels (1 label event, 1 undo event and 1 skip event "
                           + "leave no effective label); nothing to report.")
        }
    }

    /// Issue 11 item 12: counts of one read `1 items have`, `from 1 raters`.
    func testCountsOfOneAreSingular() throws {
        write("sessions/s.jsonl", label("ana", "t1", "A"))
        let text = ReportTextRenderer.render(try report(["--bootstrap", "1"]), color: false)
        XCTAssertTrue(text.contains("  1 label from 1 rater on 1 item; 0 items have two or more labels.\n"
                                    + "  Read 1 session file (0 sittings): 1 label event, 0 undo events and 0 skip events.\n"), text)
        XCTAssertTrue(text.contains("· 0 of 1 rater flagged."), text)
        XCTAssertTrue(text.contains("1 resample, seed 0."), text)
        var two = ""
        for t in 1...2 { two += label("ana", "t\(t)", "A") + label("bo", "t\(t)", "A") }
        write("sessions/s.jsonl", two)
        let plural = ReportTextRenderer.render(try report(["--bootstrap", "0"]), color: false)
        XCTAssertTrue(plural.contains("  4 labels from 2 raters on 2 items; 2 items have two or more labels."), plural)
    }

    /// Issue 17: the claim opens every format, with the same sentence.
    func testTheClaimInContextOpensTextMarkdownAndJSON() throws {
        write("tasks.jsonl", (0..<4).map { #"{"id":"t\#($0)","prompt":"p","response_a":"a","response_b":"b","model_a":"m1","model_b":"m2"}"# }
            .joined(separator: "\n") + "\n")
        var lines = ""
        for t in 0..<4 {
            lines += label("ana", "t\(t)", "A") + label("bo", "t\(t)", t == 3 ? "B" : "A")
        }
        write("sessions/s.jsonl", lines)
        let r = try ReportBuilder.build(ReportOptions(sessionPaths: [folder + "/sessions"], tasksPath: folder + "/tasks.jsonl",
                                                      bootstrap: BootstrapSettings(resamples: 0)))
        // By hand: 7 of 8 decisive for m1, Wilson [0.529, 0.978] (statsmodels proportion_confint);
        // coincidences o_AA = 6, o_AB = o_BA = 1, n = 8: α = 1 − 2 / ((64 − 49 − 1)/7) = 0.
        let sentence = "m1 beats m2 in 87.5% of decisive labels (95% CI [52.9%, 97.8%]): 8 labels (8 decisive) from 2 raters "
            + "on 4 items; these raters agree on these items with Krippendorff's α = 0.000 (no interval: bootstrap is off "
            + "(--bootstrap 0)). Caution: agreement is low (α below 0.667)."
        XCTAssertEqual(r.claims.map(\.sentence), [sentence])
        let text = ReportTextRenderer.render(r, color: false)
        XCTAssertTrue(text.hasPrefix("The claim, in context\n=====================\n  · m1 beats m2 in 87.5%"), text)
        let markdown = ReportMarkdownRenderer.render(r)
        XCTAssertTrue(markdown.hasPrefix("# Preference labeling report\n\n## The claim, in context\n\n- m1 beats m2"), markdown)
        XCTAssertTrue(ReportJSON.render(r).contains("\"sentence\":\"m1 beats m2 in 87.5%"))
    }

    /// Issue 17: with the claims' and the length-controlled ratings' bootstraps, the same seed
    /// still gives the same bytes in every format, and another seed other intervals.
    func testClaimsAndLengthControlledRatingsAreByteIdenticalForTheSameSeed() throws {
        var tasks = "", lines = ""
        for t in 0..<30 {
            let (a, b) = [("m1", "m2"), ("m2", "m3"), ("m1", "m3")][t % 3]
            tasks += #"{"id":"t\#(t)","prompt":"p","response_a":"\#(String(repeating: "a", count: 10 + 37 * t))","response_b":"b","model_a":"\#(a)","model_b":"\#(b)"}"# + "\n"
            for (r, rater) in ["ana", "bo", "cy"].enumerated() {
                lines += label(rater, "t\(t)", ["A", "B", "tie", "A"][(t * 5 + r * (t % 4)) % 4])
            }
        }
        write("tasks.jsonl", tasks)
        write("sessions/s.jsonl", lines)
        func build(_ seed: UInt64) throws -> Report {
            try ReportBuilder.build(ReportOptions(sessionPaths: [folder + "/sessions"], tasksPath: folder + "/tasks.jsonl",
                                                  bootstrap: BootstrapSettings(resamples: 200, seed: seed)))
        }
        let first = try build(4), second = try build(4), other = try build(5)
        XCTAssertEqual(ReportJSON.render(first), ReportJSON.render(second))
        XCTAssertEqual(ReportTextRenderer.render(first, color: false), ReportTextRenderer.render(second, color: false))
        XCTAssertEqual(ReportMarkdownRenderer.render(first), ReportMarkdownRenderer.render(second))
        XCTAssertNotEqual(first.claims.map(\.alphaCI), other.claims.map(\.alphaCI))
        XCTAssertNotNil(first.lengthControlled?.lengthCoefficientCI.interval, "\(String(describing: first.lengthControlled))")
        XCTAssertNotEqual(first.lengthControlled?.lengthCoefficientCI, other.lengthControlled?.lengthCoefficientCI)
    }

    /// Issue 17: `--by KEY` needs a task file, reads any key (numbers as written), puts tasks
    /// without it last, and tests the weakest group's agreement against the strongest's.
    func testByKeyBreaksDownPerGroupAndNeedsATaskFile() throws {
        XCTAssertThrowsError(try ReportCommand.parse(["--by", "category"]))
        XCTAssertThrowsError(try ReportCommand.parse(["--tasks", "t.jsonl", "--by", ""]))
        var tasks = "", lines = ""
        for t in 0..<12 {
            let turn = t < 5 ? "1" : t < 10 ? "2" : "null"
            tasks += #"{"id":"t\#(t)","prompt":"p","response_a":"a","response_b":"b","model_a":"m1","model_b":"m2","turn":\#(turn)}"# + "\n"
            // Turn 1: the raters agree; turn 2: they split on every second task.
            lines += label("ana", "t\(t)", t % 2 == 0 ? "A" : "B") + label("bo", "t\(t)", t < 5 || t % 2 == 0 ? (t % 2 == 0 ? "A" : "B") : "A")
        }
        write("tasks.jsonl", tasks)
        write("sessions/s.jsonl", lines)
        let command = try ReportCommand.parse([folder + "/sessions", "--tasks", folder + "/tasks.jsonl", "--by", "turn", "--bootstrap", "50"])
        XCTAssertEqual(command.groupBy, "turn")
        let r = try ReportBuilder.build(ReportOptions(sessionPaths: [folder + "/sessions"], tasksPath: folder + "/tasks.jsonl",
                                                      bootstrap: BootstrapSettings(resamples: 50), groupBy: "turn"))
        let b = try XCTUnwrap(r.breakdown)
        XCTAssertEqual(b.groups.map(\.value), ["1", "2", nil])
        XCTAssertEqual(b.groups.map(\.summary.items), [5, 5, 2])
        XCTAssertEqual(b.groups[0].summary.alphaNominal.value, 1)
        // Turn 2: ana B,A,B,A,B... on t5..t9 = B A B A B, bo A A A A A → agree on t6, t8 only.
        XCTAssertEqual(b.groups[1].summary.percentAgreement.value, 0.4)
        XCTAssertEqual(b.difference?.strongest, "1")
        let text = ReportTextRenderer.render(r, color: false)
        XCTAssertTrue(text.contains("By turn\n=======\n"), text)
        XCTAssertTrue(text.contains("(no turn)"), text)
    }
}
