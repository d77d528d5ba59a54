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
}
