import PreferCore
@testable import PreferTUI
import XCTest

final class ReducerTests: XCTestCase {
    private func task(_ index: Int, leftIsA: Bool = true, response: String = "short") -> LoadedTask {
        LoadedTask(index: index, id: "t\(index)", sha256: "sha\(index)", promptText: "Question \(index)?",
                   responseA: "A says \(response)", responseB: "B says \(response)", leftIsA: leftIsA)
    }

    private func state(queue: [Int] = [1, 2], requireRead: Bool = false, size: TerminalSize = .init(cols: 80, rows: 24),
                       scale: Scale = .pairwise) -> AppState {
        let config = LabelingConfig(rater: "ana", taskSetName: "tasks.jsonl", scale: scale, requireRead: requireRead,
                                    guideline: "# Guide\n\nBe fair.", choiceGuardMs: 300)
        return AppState(config: config, size: size, queue: queue, totalTasks: 3, labeledCount: 0)
    }

    /// A state showing task 0 since t = 1000 ms.
    private func showing(_ loaded: LoadedTask, _ base: AppState? = nil) -> AppState {
        var s = base ?? state()
        _ = Reducer.reduce(&s, .taskLoaded(loaded), now: 1000)
        return s
    }

    func testLeftKeyRecordsTheCanonicalResponseShownOnTheLeft() {
        var s = showing(task(0, leftIsA: false))
        let effects = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2500)
        XCTAssertEqual(effects, [.record(.label(LabelInfo(task: "t0", taskSHA256: "sha0", choice: "B", left: .b, ms: 1500, note: nil)))])
        XCTAssertEqual(s.current?.id, "t0", "the screen must not move on before the label is saved")
    }

    func testRightTieAndBothBadKeysRecordCanonicalValues() {
        for (slot, expected) in [(1, "B"), (2, "tie"), (3, "both_bad")] {
            var s = showing(task(0, leftIsA: true))
            let effects = Reducer.reduce(&s, .command(.choose(slot: slot)), now: 2000)
            guard case .record(.label(let info))? = effects.first else {
                return XCTFail("slot \(slot) recorded nothing")
            }
            XCTAssertEqual(info.choice, expected)
            XCTAssertEqual(info.left, .a)
        }
    }

    func testLikertKeysAreMirroredWhenBIsOnTheLeft() {
        var s = showing(task(0, leftIsA: false), state(scale: .likert5))
        let effects = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5000)
        guard case .record(.label(let info))? = effects.first else { return XCTFail() }
        XCTAssertEqual(info.choice, "B>>A")
    }

    func testTheBothBadKeyOnLikertRecordsBothBadOnEitherSide() {
        for leftIsA in [true, false] {
            var s = showing(task(0, leftIsA: leftIsA), state(scale: .likert5))
            let key = KeyMap(scale: .likert5).action(for: .character("x"), in: s.keyContext)
            let effects = Reducer.reduce(&s, key!, now: 5000)
            guard case .record(.label(let info))? = effects.first else { return XCTFail("x recorded nothing") }
            XCTAssertEqual(info.choice, "both_bad", "sides swapped: \(!leftIsA)")
            XCTAssertEqual(info.left, leftIsA ? .a : .b)
        }
    }

    func testAChoiceTooSoonAfterTheTaskAppearsIsIgnored() {
        var s = showing(task(0))
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1299), [])
        XCTAssertNil(s.pendingRecord)
        XCTAssertFalse(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1300).isEmpty)
    }

    func testOnlyTheSavedConfirmationAdvancesAndFlushesTypeAhead() {
        var s = showing(task(0))
        let record = SessionEventBody.label(LabelInfo(task: "t0", taskSHA256: "sha0", choice: "A", left: .a, ms: 1000))
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        let effects = Reducer.reduce(&s, .saved(record), now: 2010)
        XCTAssertEqual(effects, [.loadTask(index: 1), .flushInput])
        XCTAssertEqual(s.queue, [2])
        XCTAssertEqual(s.labeledCount, 1)
        XCTAssertEqual(s.history, [.init(index: 0, task: "t0")])
    }

    func testAFailedSaveDoesNotAdvanceAndTheNextKeyEndsTheSittingWithAnError() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        XCTAssertEqual(Reducer.reduce(&s, .saveFailed("No space left on device"), now: 2001), [])
        XCTAssertEqual(s.current?.id, "t0")
        XCTAssertEqual(s.labeledCount, 0)
        guard case .failed(let message) = s.mode else { return XCTFail("not failed: \(s.mode)") }
        XCTAssertTrue(message.contains("No space left on device"))
        XCTAssertEqual(s.keyContext, .failed)
        XCTAssertEqual(Reducer.reduce(&s, .command(.quit), now: 3000), [.quit(reason: .error)])
    }

    func testUndoRetractsTheLastLabelAndReturnsToThatTask() {
        var s = showing(task(0))
        let record = SessionEventBody.label(LabelInfo(task: "t0", taskSHA256: "sha0", choice: "A", left: .a, ms: 1000))
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        _ = Reducer.reduce(&s, .saved(record), now: 2001)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 2002)
        XCTAssertEqual(Reducer.reduce(&s, .command(.undo), now: 3000), [.record(.undo(task: "t0"))])
        XCTAssertEqual(Reducer.reduce(&s, .saved(.undo(task: "t0")), now: 3001), [.loadTask(index: 0), .flushInput])
        XCTAssertEqual(s.queue, [1, 2], "the task that was showing comes back after the undone one")
        XCTAssertEqual(s.labeledCount, 0)
        XCTAssertTrue(s.history.isEmpty)
    }

    func testUndoWithNothingToUndoSaysSo() {
        var s = showing(task(0))
        XCTAssertEqual(Reducer.reduce(&s, .command(.undo), now: 3000), [])
        XCTAssertEqual(s.message?.text, "Nothing to undo in this sitting.")
    }

    func testSkipRecordsASkipAndMovesOn() {
        var s = showing(task(0))
        XCTAssertEqual(Reducer.reduce(&s, .command(.skip), now: 1100), [.record(.skip(task: "t0"))])
        XCTAssertEqual(Reducer.reduce(&s, .saved(.skip(task: "t0")), now: 1101), [.loadTask(index: 1), .flushInput])
        XCTAssertEqual(s.skippedThisSitting, 1)
        XCTAssertEqual(s.labeledCount, 0)
    }

    private func label(_ index: Int, note: String? = nil) -> SessionEventBody {
        .label(LabelInfo(task: "t\(index)", taskSHA256: "sha\(index)", choice: "A", left: .a, ms: 1000, note: note))
    }

    func testUndoAfterASkipReturnsToTheSkippedTaskAndLeavesTheEarlierLabel() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        _ = Reducer.reduce(&s, .saved(label(0)), now: 2000)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 2001)
        _ = Reducer.reduce(&s, .command(.skip), now: 3000)
        XCTAssertEqual(Reducer.reduce(&s, .saved(.skip(task: "t1")), now: 3000), [.loadTask(index: 2), .flushInput])
        _ = Reducer.reduce(&s, .taskLoaded(task(2)), now: 3001)
        XCTAssertEqual(Reducer.reduce(&s, .command(.undo), now: 4000), [.loadTask(index: 1), .flushInput],
                       "undoing a skip writes nothing and goes back to the skipped task")
        XCTAssertNil(s.pendingRecord)
        XCTAssertEqual(s.queue, [2])
        XCTAssertEqual(s.skippedThisSitting, 0)
        XCTAssertEqual(s.labeledCount, 1, "the label before the skip stands")
        XCTAssertEqual(s.message?.text, "Skip undone: this task is back.")
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 4001)
        XCTAssertEqual(s.current?.id, "t1")
        XCTAssertEqual(Reducer.reduce(&s, .command(.undo), now: 5000), [.record(.undo(task: "t0"))],
                       "a second u reaches the label before the skip")
    }

    func testAfterUndoTheNoteOfTheRetractedLabelIsOfferedAgain() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.startNote), now: 1100)
        for c in "cites a fake paper" { _ = Reducer.reduce(&s, .insertText(c), now: 1200) }
        _ = Reducer.reduce(&s, .commitInput, now: 1300)
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        _ = Reducer.reduce(&s, .saved(label(0, note: "cites a fake paper")), now: 2000)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 2001)
        XCTAssertNil(s.note, "a note belongs to its task")
        _ = Reducer.reduce(&s, .command(.undo), now: 3000)
        _ = Reducer.reduce(&s, .saved(.undo(task: "t0")), now: 3000)
        XCTAssertEqual(s.message?.text, "Undone: label again. Your note is kept (n to change it).")
        _ = Reducer.reduce(&s, .taskLoaded(task(0)), now: 3001)
        XCTAssertEqual(s.note, "cites a fake paper")
        _ = Reducer.reduce(&s, .command(.startNote), now: 3100)
        XCTAssertEqual(s.mode, .editingNote("cites a fake paper"))
        _ = Reducer.reduce(&s, .commitInput, now: 3200)
        guard case .record(.label(let info))? = Reducer.reduce(&s, .command(.choose(slot: 1)), now: 4000).first else {
            return XCTFail("no label")
        }
        XCTAssertEqual(info.note, "cites a fake paper")
        _ = Reducer.reduce(&s, .saved(.label(info)), now: 4000)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 4001)
        XCTAssertNil(s.note, "the kept note does not follow the rater to the next task")
    }

    func testAChoiceInsideTheGuardSaysWhyItWasIgnored() {
        var s = showing(task(0))
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 1100), [])
        XCTAssertEqual(s.message, .init("Too soon: that key came as the task appeared. Read it, then choose again.",
                                        isError: true))
    }

    func testSavedDoesNotLingerOnTheNextTask() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2000)
        _ = Reducer.reduce(&s, .saved(label(0)), now: 2000)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 2001)
        XCTAssertEqual(s.message?.text, "Saved.")
        _ = Reducer.reduce(&s, .tick, now: 3999)
        XCTAssertEqual(s.message?.text, "Saved.", "the confirmation shows for a moment")
        _ = Reducer.reduce(&s, .tick, now: 4000)
        XCTAssertNil(s.message, "then it goes by itself")
        _ = Reducer.reduce(&s, .command(.skip), now: 5000)
        _ = Reducer.reduce(&s, .saved(.skip(task: "t1")), now: 5000)
        _ = Reducer.reduce(&s, .taskLoaded(task(2)), now: 5001)
        XCTAssertEqual(s.message?.text, "Skipped.")
        _ = Reducer.reduce(&s, .command(.scrollLines(1)), now: 5100)
        XCTAssertNil(s.message, "or at the next key")
    }

    func testTheLastLabelLeadsToTheDoneScreen() {
        var s = showing(task(2), state(queue: []))
        let record = SessionEventBody.label(LabelInfo(task: "t2", taskSHA256: "sha2", choice: "tie", left: .a, ms: 1000))
        _ = Reducer.reduce(&s, .command(.choose(slot: 2)), now: 2000)
        XCTAssertEqual(Reducer.reduce(&s, .saved(record), now: 2001), [.flushInput])
        XCTAssertEqual(s.mode, .done)
        XCTAssertEqual(s.keyContext, .done)
    }

    func testANoteTypedWithNGoesWithTheLabel() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.startNote), now: 1100)
        for c in "typo in B" { _ = Reducer.reduce(&s, .insertText(c), now: 1200) }
        _ = Reducer.reduce(&s, .deleteBackward, now: 1200)
        _ = Reducer.reduce(&s, .insertText("B"), now: 1200)
        _ = Reducer.reduce(&s, .commitInput, now: 1300)
        let effects = Reducer.reduce(&s, .command(.choose(slot: 1)), now: 2000)
        XCTAssertEqual(effects, [.record(.label(LabelInfo(task: "t0", taskSHA256: "sha0", choice: "B", left: .a, ms: 1000, note: "typo in B")))])
    }

    func testEscapeCancelsANoteWithoutKeepingIt() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.startNote), now: 1100)
        _ = Reducer.reduce(&s, .insertText("x"), now: 1200)
        _ = Reducer.reduce(&s, .cancelInput, now: 1300)
        XCTAssertNil(s.note)
        XCTAssertEqual(s.mode, .labeling)
    }

    func testChoiceKeysDoNothingWhileTheTerminalIsTooSmall() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .resize(cols: 30, rows: 8), now: 1500)
        XCTAssertEqual(s.keyContext, .tooSmall)
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5000), [])
        _ = Reducer.reduce(&s, .resize(cols: 80, rows: 24), now: 5001)
        XCTAssertFalse(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5002).isEmpty)
    }

    func testRequireReadRefusesUntilBothResponsesWereScrolledToTheEnd() {
        let long = (1...80).map { "Line \($0) of a long answer." }.joined(separator: "\n\n")
        var s = showing(task(0, response: long), state(requireRead: true))
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5000), [])
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertEqual(s.focus, .response1, "focus starts on the first pane that scrolls")
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 5002)
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5003), [], "response 2 is still unread")
        _ = Reducer.reduce(&s, .command(.cycleFocus), now: 5004)
        for _ in 0..<200 { _ = Reducer.reduce(&s, .command(.scrollPages(1)), now: 5005) }
        XCTAssertEqual(s.readToEnd, [.prompt, .response1, .response2], "a prompt that fits counts as read")
        XCTAssertFalse(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5006).isEmpty)
    }

    func testFocusStartsOnTheFirstPaneThatScrollsSoSpaceActsAtOnce() {
        let long = (1...40).map { "Line \($0)." }.joined(separator: "\n")
        var s = showing(LoadedTask(index: 0, id: "t0", sha256: "sha0", promptText: "Short?", responseA: "Short.",
                                   responseB: long, leftIsA: true))
        XCTAssertEqual(s.focus, .response2, "the prompt and Response 1 fit; Response 2 does not")
        _ = Reducer.reduce(&s, .command(.scrollPages(1)), now: 2000)
        XCTAssertGreaterThan(s.offset(of: .response2), 0)
        _ = Reducer.reduce(&s, .taskLoaded(task(1)), now: 3000)
        XCTAssertEqual(s.focus, .prompt, "nothing scrolls: focus starts on the prompt")
        _ = Reducer.reduce(&s, .command(.toggleGuideline), now: 3100)
        _ = Reducer.reduce(&s, .taskLoaded(LoadedTask(index: 2, id: "t2", sha256: "sha2", promptText: "Short?",
                                                      responseA: long, responseB: "Short.", leftIsA: true)), now: 4000)
        _ = Reducer.reduce(&s, .command(.toggleGuideline), now: 4100)
        XCTAssertEqual(s.focus, .response1, "closing the guideline gives focus to the pane that scrolls")
    }

    func testRequireReadCountsALongPromptToo() {
        let longPrompt = (1...30).map { "Context line \($0)." }.joined(separator: "\n")
        var s = showing(LoadedTask(index: 0, id: "t0", sha256: "sha0", promptText: longPrompt, responseA: "Short A.",
                                   responseB: "Short B.", leftIsA: true), state(requireRead: true))
        XCTAssertEqual(s.readToEnd, [.response1, .response2], "both responses fit; the prompt does not")
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5000), [])
        XCTAssertEqual(s.message, .init("Read to the end first: Prompt (Tab to it, then Space or End).", isError: true))
        XCTAssertEqual(s.focus, .prompt)
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 5001)
        XCTAssertFalse(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 5002).isEmpty)
    }

    func testATurnTwoConversationPutsTheSecondQuestionInThePromptAndTheFirstTurnAboveEachReply() {
        let q1 = Message(role: "user", content: "First question?")
        let q2 = Message(role: "user", content: "Second question?")
        let task = PreferenceTask(id: "mt1-t2", content: .conversation(
            a: [q1, Message(role: "assistant", content: "First answer of A."), q2,
                Message(role: "assistant", content: "Second answer of A.")],
            b: [q1, Message(role: "assistant", content: "First answer of B."), q2,
                Message(role: "assistant", content: "Second answer of B.")]),
            modelA: nil, modelB: nil, extra: [], sha256: "s", line: 1)
        let loaded = LoadedTask(task: task, index: 0, leftIsA: false)
        XCTAssertEqual(loaded.promptText, "Second question?")
        XCTAssertEqual(loaded.judgedTurn, JudgedTurn(number: 2, count: 2))
        XCTAssertEqual(loaded.responseA, "**assistant:**\n\nSecond answer of A.")
        XCTAssertEqual(loaded.earlierB, "**user:**\n\nFirst question?\n\n**assistant:**\n\nFirst answer of B."
                       + "\n\n**user:**\n\nSecond question?")
        XCTAssertEqual(loaded.leftEarlierTurns.text, loaded.earlierB)
        var s = showing(loaded)
        let metrics = ScreenLayout.frame(for: s).metrics
        XCTAssertEqual(s.offset(of: .response1), metrics[.response1]?.content.openingLine)
        XCTAssertEqual(metrics[.response1]?.content.openingLine, 12, "past the 11 lines of turn 1 and question 2, and a blank")
        _ = Reducer.reduce(&s, .command(.scrollToTop), now: 2000)
        XCTAssertEqual(s.offset(of: s.focus), 0, "the earlier turns are reachable by scrolling up")
    }

    func testAOneTurnConversationKeepsTheSharedQuestionInThePrompt() {
        let q = Message(role: "user", content: "Only question?")
        let task = PreferenceTask(id: "c1", content: .conversation(
            a: [q, Message(role: "assistant", content: "A.")], b: [q, Message(role: "assistant", content: "B.")]),
            modelA: nil, modelB: nil, extra: [], sha256: "s", line: 1)
        let loaded = LoadedTask(task: task, index: 0, leftIsA: true)
        XCTAssertEqual(loaded.promptText, "**user:**\n\nOnly question?")
        XCTAssertNil(loaded.judgedTurn)
        XCTAssertEqual(loaded.earlierA, "")
    }

    func testScrollingIsClampedToTheContent() {
        let long = (1...80).map { "Line \($0)." }.joined(separator: "\n\n")
        var s = showing(task(0, response: long))
        s.focus = .response2
        _ = Reducer.reduce(&s, .command(.scrollLines(-5)), now: 2000)
        XCTAssertEqual(s.offset(of: .response2), 0)
        _ = Reducer.reduce(&s, .command(.scrollToBottom), now: 2000)
        let metrics = ScreenLayout.frame(for: s).metrics[.response2]!
        XCTAssertEqual(s.offset(of: .response2), metrics.maxOffset)
        XCTAssertGreaterThan(metrics.maxOffset, 0)
    }

    func testTabCyclesPromptResponsesAndGuidelineWhenShownBesideThem() {
        var s = showing(task(0), state(size: .init(cols: 160, rows: 40)))
        XCTAssertTrue(s.guidelineVisible)
        var seen: [Pane] = []
        for _ in 0..<4 {
            _ = Reducer.reduce(&s, .command(.cycleFocus), now: 2000)
            seen.append(s.focus)
        }
        XCTAssertEqual(seen, [.response1, .response2, .guideline, .prompt])
    }

    func testChoiceKeysAreRefusedWithAHintWhileTheGuidelineOverlayCoversTheResponses() {
        var s = showing(task(0))
        XCTAssertFalse(s.guidelineVisible, "80 columns: the guideline starts hidden")
        _ = Reducer.reduce(&s, .command(.toggleGuideline), now: 2000)
        XCTAssertTrue(s.guidelineVisible)
        for slot in 0..<4 {
            XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: slot)), now: 2100), [], "slot \(slot)")
        }
        XCTAssertNil(s.pendingRecord)
        XCTAssertEqual(s.message, .init("The guideline covers the responses: press g to close it, then choose.",
                                        isError: true))
        _ = Reducer.reduce(&s, .command(.toggleGuideline), now: 2200)
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2300),
                       [.record(.label(LabelInfo(task: "t0", taskSHA256: "sha0", choice: "A", left: .a, ms: 1300)))])
    }

    func testTabDoesNotMoveFocusUnderTheGuidelineOverlay() {
        var s = showing(task(0))
        _ = Reducer.reduce(&s, .command(.toggleGuideline), now: 2000)
        for command in [Command.cycleFocus, .cycleFocus, .cycleFocusBackward, .cycleFocus] {
            _ = Reducer.reduce(&s, .command(command), now: 2000)
            XCTAssertEqual(s.focus, .guideline)
        }
    }

    func testNarrowingAWideScreenWithTheGuidelineOpenMovesFocusOntoIt() {
        var s = showing(task(0), state(size: .init(cols: 160, rows: 40)))
        XCTAssertTrue(s.guidelineVisible)
        _ = Reducer.reduce(&s, .command(.cycleFocus), now: 2000)
        XCTAssertEqual(s.focus, .response1)
        _ = Reducer.reduce(&s, .resize(cols: 100, rows: 40), now: 2000)
        XCTAssertEqual(s.focus, .guideline, "a pane under the overlay cannot hold focus")
        XCTAssertEqual(Reducer.reduce(&s, .command(.choose(slot: 0)), now: 2100), [])
    }

    func testSearchFindsTheGuidelineLineAndRepeatsWithAnEmptyQuery() {
        let guide = "# Guide\n\n" + (1...40).map { "Rule \($0): be kind." }.joined(separator: "\n\n") + "\n\nTie means equal.\n\nA tie again."
        var base = state()
        base.config.guideline = guide
        var s = showing(task(0), base)
        _ = Reducer.reduce(&s, .command(.startSearch), now: 2000)
        for c in "TIE" { _ = Reducer.reduce(&s, .insertText(c), now: 2000) }
        _ = Reducer.reduce(&s, .commitInput, now: 2000)
        XCTAssertEqual(s.focus, .guideline)
        let first = s.searchHit
        XCTAssertNotNil(first)
        _ = Reducer.reduce(&s, .command(.startSearch), now: 2000)
        _ = Reducer.reduce(&s, .commitInput, now: 2000)
        XCTAssertNotNil(s.searchHit)
        XCTAssertGreaterThan(s.searchHit!, first!)
    }

    func testQuitAsksToEndTheSitting() {
        var s = showing(task(0))
        XCTAssertEqual(Reducer.reduce(&s, .command(.quit), now: 2000), [.quit(reason: .quit)])
        XCTAssertEqual(Reducer.reduce(&s, .endRequested(.hangup), now: 2000), [.quit(reason: .hangup)])
    }
}
