import Foundation
import XCTest
@testable import PreferCore

/// `prefer status --batch` counts from the same events as the router.
final class BatchStatusTests: XCTestCase {
    private let folder = SessionTempFolder()

    func testTheMedianMsIsTheReportsMedianTheMeanOfTheMiddleTwo() throws {
        let tasks = (1...4).map { #"{"id":"t\#($0)","prompt":"p","response_a":"a","response_b":"b"}"# }
        folder.write("b/t.jsonl", tasks.joined(separator: "\n") + "\n")
        folder.write("b/batch.toml", "name = \"b\"\ntasks = \"t.jsonl\"\noverlap = 2\n")
        let inputs = try BatchInputs.open(BatchFile.load(path: folder.file("b/batch.toml")))
        var names = RoutingNames()
        let bo = names.rater("bo"), sitting = names.sitting(ofFile: "1.jsonl"), a = names.choice("A")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        // 1000, 1001, 1003, 1006 ms: the middle two are 1001 and 1003; so for two labels 1000, 1001.
        let events = [1000, 1001, 1003, 1006].enumerated().map { k, ms in
            RoutingEvent(rater: bo, sitting: sitting, task: Int32(k), kind: .label(choice: a, left: .a),
                         at: t0.addingTimeInterval(Double(k)), milliseconds: ms)
        }
        let four = BatchStatus(inputs: inputs, events: events, names: names, now: t0)
        XCTAssertEqual(four.raters.map(\.name), ["bo"])
        XCTAssertEqual(four.raters.first?.medianMs, 1002)
        let two = BatchStatus(inputs: inputs, events: Array(events.prefix(2)), names: names, now: t0)
        XCTAssertEqual(two.raters.first?.medianMs, 1000.5, "not 1000: no integer division")
        XCTAssertEqual(two.raters.first?.labels, 2)
        XCTAssertEqual(JSONWriter.serialize(two.json).contains(#""median_ms":1000.5"#), true)
    }

    func testRepeatsAreHeldAgainstTheLedgersEffectiveLabel() throws {
        let tasks = (1...2).map { #"{"id":"t\#($0)","prompt":"p","response_a":"a","response_b":"b"}"# }
        folder.write("b/t.jsonl", tasks.joined(separator: "\n") + "\n")
        folder.write("b/batch.toml", "name = \"b\"\ntasks = \"t.jsonl\"\noverlap = 2\n")
        let inputs = try BatchInputs.open(BatchFile.load(path: folder.file("b/batch.toml")))
        var names = RoutingNames()
        let bo = names.rater("bo"), s = names.sitting(ofFile: "1.jsonl")
        let a = names.choice("A"), b = names.choice("B")
        func event(_ task: Int32, _ kind: RoutingEvent.Kind, repeat isRepeat: Bool = false) -> RoutingEvent {
            RoutingEvent(rater: bo, sitting: s, task: task, kind: kind, isRepeat: isRepeat, at: Date(timeIntervalSince1970: 1e9))
        }
        let events = [event(0, .label(choice: a, left: .a)), event(0, .label(choice: b, left: .b), repeat: true),
                      event(1, .label(choice: b, left: .a)), event(1, .label(choice: b, left: .b), repeat: true),
                      event(1, .undo), event(1, .label(choice: a, left: .a))]
        let status = BatchStatus(inputs: inputs, events: events, names: names, now: Date(timeIntervalSince1970: 1e9))
        XCTAssertEqual(status.raters.first?.consistency, RepeatConsistency.Counts(repeats: 2, same: 0, decisive: 2, decisiveSame: 0),
                       "t1's repeat B against the label in effect, A (B was undone)")
        XCTAssertEqual(status.raters.first?.repeats, 2)
    }
}
