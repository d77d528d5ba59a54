import PreferCore
@testable import PreferTUI
import XCTest

/// A paste is field text, never keys; saving a note re-arms the choice guard.
final class PasteTests: XCTestCase {
    private func showing() -> AppState {
        let config = LabelingConfig(rater: "ana", taskSetName: "tasks.jsonl", guideline: "# Guide", choiceGuardMs: 300)
        var s = AppState(config: config, size: .init(cols: 80, rows: 24), queue: [1], totalTasks: 2, labeledCount: 0)
        _ = Reducer.reduce(&s, .taskLoaded(LoadedTask(index: 0, id: "t0", sha256: "sha0", promptText: "Q?",
                                                      responseA: "a", responseB: "b", leftIsA: true)), now: 1000)
        return s
    }

    func testLineBreaksAndTabsBecomeSpaces() {
        XCTAssertEqual(PastedText.singleLine("Response is fine.\rBut see point 2"), "Response is fine. But see point 2")
        XCTAssertEqual(PastedText.singleLine("a\r\nb\nc\td"), "a b c d")
        XCTAssertEqual(PastedText.singleLine("\n\n"), "  ")
        XCTAssertEqual(PastedText.singleLine("é 中 🚀"), "é 中 🚀")
    }

    func testAPasteIsFieldTextOnlyInAField() {
        let map = KeyMap(scale: .pairwise)
        XCTAssertEqual(map.action(for: .paste("1t q"), in: .textInput), .paste("1t q"))
        for context in [KeyContext.labeling, .help, .done, .failed, .tooSmall] {
            XCTAssertNil(map.action(for: .paste("1t q"), in: context), "\(context)")
        }
    }

    func testAPasteIntoTheNoteJoinsItsLines() {
        var s = showing()
        _ = Reducer.reduce(&s, .command(.startNote), now: 2000)
        _ = Reducer.reduce(&s, .insertText(">"), now: 2000)
        XCTAssertEqual(Reducer.reduce(&s, .paste("Response is fine.\rBut see point 2 of the spec"), now: 2000), [])
        XCTAssertEqual(s.mode, .editingNote(">Response is fine. But see point 2 of the spec"))
        XCTAssertNil(s.pendingRecord)
    }

    func testSavingANoteDropsQueuedInputAndReArmsTheChoiceGuard() {
        var s = showing()
        _ = Reducer.reduce(&s, .command(.startNote), now: 5000)
        _ = Reducer.reduce(&s, .insertText("x"), now: 5000)
        XCTAssertEqual(Reducer.reduce(&s, .commitInput, now: 6000), [.flushInput])
        XCTAssertEqual(s.note, "x")
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 2)), now: 6299), [], "a tie typed right after Enter")
        guard case .record(.label(let info))? = Reducer.reduce(&s, .command(.choose(slot: 2)), now: 6300).first else {
            return XCTFail("a deliberate choice after the guard was refused")
        }
        XCTAssertEqual(info.ms, 5300, "the time to label still counts from when the task appeared")
        XCTAssertEqual(info.note, "x")
    }
}
