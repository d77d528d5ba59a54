import Foundation
import XCTest
@testable import PreferCore

/// The batch's reading of other raters' session files: new complete lines only, each once.
final class BatchSessionFeedTests: XCTestCase {
    private let folder = SessionTempFolder()
    private let start = #"{"v":1,"type":"session_start","session":"s1","rater":"bo","at":"2026-11-28T10:00:00.000Z","tasks":"t.jsonl","tasks_sha256":"SHA","guideline":"g","guideline_sha256":"x","scale":["A","B","tie","both_bad"],"tool":"prefer 1","login":"bo","term":{"cols":80,"rows":24}}"#
    private func line(_ type: String, _ task: String, extra: String = "") -> String {
        #"{"v":1,"type":"\#(type)","session":"s1","rater":"bo","at":"2026-11-28T10:00:01.000Z","task":"\#(task)"\#(extra)}"#
    }

    private func append(_ relative: String, _ text: String) {
        let handle = FileHandle(forWritingAtPath: folder.file(relative))!
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }

    /// A look of a feed on a task file with the ids t0, t1, t2 and the hash "SHA".
    private func look(_ feed: BatchSessionFeed) -> BatchSessionFeed.Look {
        feed.look(tasksSHA256: "SHA") { id in ["t0", "t1", "t2"].firstIndex(of: id) }
    }

    func testAGrowingLastLineCountsOnceItsNewlineIsThere() {
        folder.write("s/bo/1.jsonl", start + "\n" + line("shown", "t1", extra: #","left":"A""#) + "\n")
        let feed = BatchSessionFeed(sessionsRoot: folder.file("s"))
        let first = look(feed).events
        XCTAssertEqual(first.map(\.task), [1])
        XCTAssertEqual(first.first?.kind, .shown(left: .a))
        XCTAssertEqual(first.first.map { feed.names.sittings[Int($0.sitting)] }, "1.jsonl")
        XCTAssertEqual(first.first.map { feed.names.raters[Int($0.rater)] }, "bo")
        let label = line("label", "t1", extra: #","choice":"B","left":"A","repeat":true"#)
        append("s/bo/1.jsonl", String(label.prefix(40)))
        XCTAssertEqual(look(feed).events, [], "half a line is not an event yet")
        append("s/bo/1.jsonl", String(label.dropFirst(40)))
        XCTAssertEqual(look(feed).events, [], "still no newline")
        append("s/bo/1.jsonl", "\n")
        let second = look(feed).events
        XCTAssertEqual(second.count, 1)
        XCTAssertEqual(second.first?.kind, .label(choice: 0, left: .a))
        XCTAssertEqual(feed.names.choices, ["B"], "choice 0 is B")
        XCTAssertEqual(second.first?.isRepeat, true)
        XCTAssertEqual(look(feed).events, [], "each line is handed on once")
    }

    func testSittingsOnAnotherTaskFileAreLeftOutAndANewFileIsFound() {
        folder.write("s/bo/1.jsonl", start.replacingOccurrences(of: "\"SHA\"", with: "\"OTHER\"") + "\n" + line("skip", "t1") + "\n")
        let feed = BatchSessionFeed(sessionsRoot: folder.file("s"))
        XCTAssertEqual(look(feed).events, [])
        folder.write("s/bo/2.jsonl", start + "\n" + line("skip", "t2") + "\n"
                     + #"{"v":1,"type":"session_end","session":"s1","rater":"bo","at":"2026-11-28T10:00:02.000Z","labels":0,"reason":"quit"}"# + "\n")
        let found = look(feed)
        XCTAssertEqual(found.events.map(\.kind), [.skip, .end])
        XCTAssertEqual(found.events.map(\.task), [2, RoutingEvent.noTask])
        XCTAssertFalse(found.startedOver)
    }

    func testWhatWasReadAheadIsHandedOnByTheNextLookBeforeWhatCameSince() {
        folder.write("s/bo/1.jsonl", start + "\n" + line("skip", "t0") + "\n")
        let feed = BatchSessionFeed(sessionsRoot: folder.file("s"))
        feed.readAhead()
        append("s/bo/1.jsonl", line("shown", "t2", extra: #","left":"B""#) + "\n")
        folder.write("s/bo/2.jsonl", start + "\n" + line("skip", "t1") + "\n")
        let found = look(feed)
        XCTAssertEqual(found.events.map(\.kind), [.skip, .shown(left: .b), .skip])
        XCTAssertEqual(found.events.map(\.task), [0, 2, 1])
        XCTAssertEqual(found.events.map { feed.names.sittings[Int($0.sitting)] }, ["1.jsonl", "1.jsonl", "2.jsonl"])
        XCTAssertEqual(look(feed).events, [], "each line is handed on once")
    }

    func testReportsIgnoreRepeatsAndClaims() throws {
        folder.write("s/bo/1.jsonl", start + "\n"
                     + line("shown", "t1", extra: #","left":"A""#) + "\n"
                     + line("label", "t1", extra: #","choice":"A","left":"A""#) + "\n"
                     + line("shown", "t1", extra: #","left":"B","repeat":true"#) + "\n"
                     + line("label", "t1", extra: #","choice":"B","left":"B","repeat":true"#) + "\n"
                     + line("undo", "t1", extra: #","repeat":true"#) + "\n")
        let set = try SessionLabelReader.read(paths: [folder.file("s")])
        XCTAssertEqual(set.count, 1)
        XCTAssertEqual(set.coded.choiceNames[Int(set.coded.choice[0])], "A", "the first label stands")
        XCTAssertEqual(set.labelEvents, 2)
        XCTAssertEqual(set.repeatConsistency["bo"], RepeatConsistency.Counts(repeats: 1, same: 0, decisive: 1, decisiveSame: 0),
                       "the report counts the repeat against the first label")
        let log = try ReferenceSessionLog.log(paths: [folder.file("s")])
        let reference = EffectiveLabels.replay(log.records)
        XCTAssertEqual(reference[.init(rater: "bo", task: "t1")]?.label?.choice, "A", "the reference replay agrees")
    }
}
