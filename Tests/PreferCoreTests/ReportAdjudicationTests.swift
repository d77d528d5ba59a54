import Foundation
import XCTest
@testable import PreferCore

/// The report and the leads' verdicts (SPEC §12): verdicts are counted and raters are held
/// against them, while every agreement number stays what the labels alone give.
final class ReportAdjudicationTests: XCTestCase {
    private func label(_ rater: String, _ task: String, _ choice: String) -> String {
        #"{"type":"label","rater":"\#(rater)","task":"\#(task)","choice":"\#(choice)","at":"2026-11-28T10:00:00.000Z"}"# + "\n"
    }

    private func verdict(_ task: String, _ choice: String, at: String) -> String {
        #"{"v":1,"type":"adjudication","session":"S","rater":"lee","at":"\#(at)","task":"\#(task)","choice":"\#(choice)"}"# + "\n"
    }

    /// ana, bo and cy label t1–t6; lee rules on t1, t2, t3, t5 (twice) and t6 (then undoes it).
    private func folder(withVerdicts: Bool) -> SessionTempFolder {
        let folder = SessionTempFolder()
        folder.write("sessions/ana/a.jsonl", label("ana", "t1", "A") + label("ana", "t2", "A") + label("ana", "t3", "tie")
                     + label("ana", "t4", "A") + label("ana", "t6", "B"))
        folder.write("sessions/bo/b.jsonl", label("bo", "t1", "B") + label("bo", "t2", "B") + label("bo", "t3", "tie")
                     + label("bo", "t4", "A") + label("bo", "t5", "B"))
        folder.write("sessions/cy/c.jsonl", label("cy", "t1", "A") + label("cy", "t3", "B") + label("cy", "t5", "A")
                     + label("cy", "t6", "B"))
        if withVerdicts {
            folder.write("sessions/lee/l.jsonl",
                         #"{"v":1,"type":"session_start","session":"S","rater":"lee","at":"2026-11-29T09:00:00.000Z","scale":["A","B","tie","both_bad"]}"# + "\n"
                         + verdict("t1", "B", at: "2026-11-29T09:00:01.000Z") + verdict("t2", "A", at: "2026-11-29T09:00:02.000Z")
                         + verdict("t3", "tie", at: "2026-11-29T09:00:03.000Z") + verdict("t5", "A", at: "2026-11-29T09:00:04.000Z")
                         + verdict("t5", "B", at: "2026-11-29T09:00:05.000Z") + verdict("t6", "A", at: "2026-11-29T09:00:06.000Z")
                         + #"{"v":1,"type":"undo","session":"S","rater":"lee","at":"2026-11-29T09:00:07.000Z","task":"t6"}"# + "\n")
        }
        return folder
    }

    private func report(_ folder: SessionTempFolder) throws -> Report {
        try ReportBuilder.build(ReportOptions(sessionPaths: [folder.file("sessions")],
                                              bootstrap: BootstrapSettings(resamples: 200, seed: 7)))
    }

    func testAccuracyAgainstAdjudicationIsEachRatersShareOfAdjudicatedItemsMatchingTheVerdict() throws {
        let with = try report(folder(withVerdicts: true))
        let a = try XCTUnwrap(with.adjudication)
        // Counted by hand: t1 B, t2 A, t3 tie, t5 B (the later verdict); t6 retracted.
        XCTAssertEqual(a.items, 4)
        XCTAssertEqual(a.leads, ["lee"])
        // ana: t1 ✗ t2 ✓ t3 ✓; bo: t1 ✓ t2 ✗ t3 ✓ t5 ✓; cy: t1 ✗ t3 ✗ t5 ✗.
        XCTAssertEqual(a.raters.map { "\($0.rater) \($0.agreed)/\($0.items)" }, ["ana 2/3", "bo 3/4", "cy 0/3"])
        XCTAssertEqual(a.raters.map(\.accuracy), [2.0 / 3.0, 0.75, 0])
        let json = JSONWriter.serialize(try XCTUnwrap(ReportJSON.document(with)["adjudication"]))
        XCTAssertEqual(json, #"{"items":4,"leads":["lee"],"raters":[{"rater":"ana","items":3,"agreed":2,"accuracy":0.6666666666666666},{"rater":"bo","items":4,"agreed":3,"accuracy":0.75},{"rater":"cy","items":3,"agreed":0,"accuracy":0}]}"#)
    }

    func testTheReportsAgreementNumbersAreByteIdenticalWithAndWithoutVerdicts() throws {
        let with = ReportJSON.document(try report(folder(withVerdicts: true)))
        let without = ReportJSON.document(try report(folder(withVerdicts: false)))
        XCTAssertNil(without["adjudication"], "no verdicts, no adjudication key: the report is as before")
        for key in ["items", "raters", "labels", "agreement", "raters_detail", "contested_items", "claims",
                    "pooled_pair_agreement", "categories"] {
            let a = with[key].map(JSONWriter.serialize), b = without[key].map(JSONWriter.serialize)
            XCTAssertNotNil(a, key)
            XCTAssertEqual(a, b, "\(key) changed with verdicts")
        }
        // The lead who only adjudicated is not a rater.
        XCTAssertEqual(with["raters"], .number("3"))
    }
}
