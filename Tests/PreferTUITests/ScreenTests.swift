import PreferCore
@testable import PreferTUI
import XCTest

/// Whole screens rendered into the cell grid and compared as literal rows (reviewed by eye
/// when they were first written; a change here is a visible change to raters).
final class ScreenTests: XCTestCase {
    func testTaskAt80x24ShowsPromptBothResponsesAndTheKeyBar() {
        let state = ScreenFixtures.state(ScreenFixtures.plain, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Explain what a hash table is, briefly.                                       ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response 1 ─────────────────────────┐┌─ Response 2 ─────────────────────────┐",
        "│ It is a list you search from the     ││ A hash table maps keys to values.    │",
        "│ start until you find the key.        ││                                      │",
        "│                                      ││ • It hashes the key to a slot.       │",
        "│                                      ││ • Lookups take O(1) on average.      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testTaskAt160x48PutsTheGuidelineBesideTheResponses() {
        let state = ScreenFixtures.state(ScreenFixtures.plain, cols: 160, rows: 48)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                                                                                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓┌─ Guideline ────────────────────────────────────────┐",
        "┃ Explain what a hash table is, briefly.                                                                 ┃│ Guideline                                          │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛│                                                    │",
        "┌─ Response 1 ──────────────────────────────────────┐┌─ Response 2 ──────────────────────────────────────┐│ Pick the response that is more helpful, truthful   │",
        "│ It is a list you search from the start until you  ││ A hash table maps keys to values.                 ││ and harmless.                                      │",
        "│ find the key.                                     ││                                                   ││                                                    │",
        "│                                                   ││ • It hashes the key to a slot.                    ││ • Ignore which side a response is on.              │",
        "│                                                   ││ • Lookups take O(1) on average.                   ││ • Ignore length unless it hurts.                   │",
        "│                                                   ││                                                   ││   • Padding is not helpfulness.                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││ Ties                                               │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││ Use tie only when neither is better.               │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "│                                                   ││                                                   ││                                                    │",
        "└───────────────────────────────────────────────────┘└───────────────────────────────────────────────────┘└────────────────────────────────────────────────────┘",
        "                                                                                                                                                                ",
        " 1 left  2 right  3/t tie  4/x both bad  u undo  s skip  n note  Tab focus  j/↓ scroll  g guide  / search  ? help  q quit                                       ",
        ])
    }

    func testHostileTextShowsPlaceholdersAndTheHiddenCharacterBadge() {
        let state = ScreenFixtures.state(ScreenFixtures.hostile, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Summarise the file.                                                          ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response 1 · hidden chars: 7 ───────┐┌─ Response 2 ─────────────────────────┐",
        "│ safe␍EVIL ␛]0;pwned␇ ␛[2J            ││ A plain summary.                     │",
        "│ ⟨U+009B⟩31m ⟨U+202E⟩txt.exe          ││                                      │",
        "│ zero⟨U+200B⟩width                    ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testWideCharactersAreMeasuredByDisplayWidth() {
        let state = ScreenFixtures.state(ScreenFixtures.cjk, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ 用一句话解释光合作用。                                                       ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response 1 ─────────────────────────┐┌─ Response 2 ─────────────────────────┐",
        "│ 光合作用是植物利用阳光把二氧化碳和水 ││ 植物は光を使って二酸化炭素と水から糖 │",
        "│ 变成糖和氧气的过程。                 ││ と酸素を作ります。🌱                 │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testBelowTheMinimumSizeTheScreenSaysItIsTooSmall() {
        let state = ScreenFixtures.state(ScreenFixtures.plain, cols: 30, rows: 8)
        assertScreen(state, [
        "Terminal too small: 30×8, need",
        "60×16. Enlarge the window to  ",
        "go on; keys other than q do   ",
        "nothing.                      ",
        "                              ",
        "                              ",
        "                              ",
        "                              ",
        ])
    }

    func testHelpIsGeneratedFromTheKeyTable() {
        var state = ScreenFixtures.state(ScreenFixtures.plain, cols: 80, rows: 24)
        state.mode = .help
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "  ┏━ Keys ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓  ",
        "  ┃ 1           the left response (Response 1) is better                     ┃  ",
        "  ┃ 2           the right response (Response 2) is better                    ┃  ",
        "  ┃ 3/t         tie: both are about equally good                             ┃  ",
        "  ┃ 4/x         both are bad                                                 ┃  ",
        "  ┃ u           undo the last label or skip; back to that task               ┃  ",
        "  ┃ s           skip this task                                               ┃  ",
        "  ┃ n           add a note to this task (Enter saves, Esc cancels)           ┃  ",
        "  ┃ Tab         move focus: prompt → response 1 → response 2 → guideline     ┃  ",
        "  ┃ S-Tab       move focus backwards                                         ┃  ",
        "  ┃ j/↓         scroll the focused pane down a line                          ┃  ",
        "  ┃ k/↑         scroll the focused pane up a line                            ┃  ",
        "  ┃ PgDn/Space  scroll the focused pane down a page                          ┃  ",
        "  ┃ PgUp        scroll the focused pane up a page                            ┃  ",
        "  ┃ Home        go to the top of the focused pane                            ┃  ",
        "  ┃ End         go to the end of the focused pane                            ┃  ",
        "  ┃ g           show or hide the guideline                                   ┃  ",
        "  ┃ /           search the guideline (/ then Enter: the next match)          ┃  ",
        "  ┃ ?           show this help                                               ┃  ",
        "  ┃ q           quit (every label is already saved)                          ┃  ",
        "  ┃                                                                          ┃  ",
        "  ┃ Every label is saved the moment you choose. Any key closes this help.    ┃  ",
        "  ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛  ",
        ])
    }

    func testTheDoneScreenSaysWhatWasSavedAndOffersOnlyKeysThatWork() {
        var state = ScreenFixtures.state(nil, cols: 80, rows: 24, labeled: 24)
        state.queue = []
        state.mode = .done
        state.labeledThisSitting = 3
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                     24/24 · 100% ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "  ┏━ Finished ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓  ",
        "  ┃ All done. 3 labeled in this sitting.                                     ┃  ",
        "  ┃ 24 of 24 tasks in this set are labeled; every label is saved.            ┃  ",
        "  ┃                                                                          ┃  ",
        "  ┃ Press q to quit.                                                         ┃  ",
        "  ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛  ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " Tab focus  j/↓ scroll  g guide  / search  ? help  q quit                       ",
        ])
    }

    func testTheDoneScreenAndItsBarAgreeOnUndoAndCountOneTaskInTheSingular() {
        var state = ScreenFixtures.state(nil, cols: 80, rows: 24, labeled: 1, total: 1)
        state.queue = []
        state.mode = .done
        state.labeledThisSitting = 1
        state.history = [.init(index: 0, task: "only")]
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       1/1 · 100% ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "  ┏━ Finished ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓  ",
        "  ┃ All done. 1 labeled in this sitting.                                     ┃  ",
        "  ┃ 1 of 1 task in this set is labeled; every label is saved.                ┃  ",
        "  ┃                                                                          ┃  ",
        "  ┃ Press q to quit, or u to undo your last label.                           ┃  ",
        "  ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛  ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " u undo  Tab focus  j/↓ scroll  g guide  / search  ? help  q quit               ",
        ])
    }

    func testUnderAMinuteLeftReadsLessThanOneMinuteWithoutATilde() {
        var state = ScreenFixtures.state(ScreenFixtures.plain, cols: 80, rows: 24)
        state.labeledThisSitting = 2
        state.labelingMsThisSitting = 10_000  // 5 s a label, 3 tasks left: 15 s
        XCTAssertEqual(Screen.render(state).rows()[0],
                       " prefer · ana · batch-07.jsonl                            7/24 · 29% · <1m left ")
        state.labelingMsThisSitting = 120_000  // 60 s a label, 3 tasks left
        XCTAssertEqual(Screen.render(state).rows()[0],
                       " prefer · ana · batch-07.jsonl                            7/24 · 29% · ~3m left ")
    }

    func testAt80ColumnsTheKeyBarNamesTheWayAroundAndFocusStartsOnThePaneThatScrolls() {
        let state = ScreenFixtures.state(ScreenFixtures.longRight, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┌─ Prompt ─────────────────────────────────────────────────────────────────────┐",
        "│ Name three uses of a hash table.                                             │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "┌─ Response 1 ─────────────────────────┐┏━ ▶ Response 2 ━━━━━━━━━━━━━━━━━━━━━━━┓",
        "│ Caches, sets and indexes.            │┃ 1. A use of hash tables, number 1.   ┃",
        "│                                      │┃ 2. A use of hash tables, number 2.   ┃",
        "│                                      │┃ 3. A use of hash tables, number 3.   ┃",
        "│                                      │┃ 4. A use of hash tables, number 4.   ┃",
        "│                                      │┃ 5. A use of hash tables, number 5.   ┃",
        "│                                      │┃ 6. A use of hash tables, number 6.   ┃",
        "│                                      │┃ 7. A use of hash tables, number 7.   ┃",
        "│                                      │┃ 8. A use of hash tables, number 8.   ┃",
        "│                                      │┃ 9. A use of hash tables, number 9.   ┃",
        "│                                      │┃ 10. A use of hash tables, number 10. ┃",
        "│                                      │┃ 11. A use of hash tables, number 11. ┃",
        "│                                      │┃ 12. A use of hash tables, number 12. ┃",
        "│                                      │┃ 13. A use of hash tables, number 13. ┃",
        "│                                      │┃ 14. A use of hash tables, number 14. ┃",
        "│                                      │┃ 15. A use of hash tables, number 15. ┃",
        "│                                      │┃ 16. A use of hash tables, number 16. ┃",
        "└──────────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━ 1–16 of 27 ↓ ━┛",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testKeysAndTheirFramesShareOneLayoutOfEachText() {
        // One layout value per frame: the reducer's scrolling and the views read the same
        // `ScreenLayout.Frame`, whose texts are laid out once per width and kept with the
        // task (before, every key laid each text out in `frame`, `metrics` and `PaneView`).
        var state = ScreenFixtures.state(ScreenFixtures.longRight, cols: 80, rows: 24)
        let first = Screen.render(state).rows()
        let frame = ScreenLayout.frame(for: state)
        let layouts = [Pane.prompt, .response1, .response2].map { frame.metrics[$0]!.content.main }
        XCTAssertEqual(layouts.map(\.blocksRendered), [1, 1, 1])
        for _ in 0..<5 {
            _ = Reducer.reduce(&state, .command(.scrollLines(1)), now: 1000)
            _ = Screen.render(state)
        }
        for _ in 0..<5 {
            _ = Reducer.reduce(&state, .command(.scrollLines(-1)), now: 1000)
            _ = Screen.render(state)
        }
        XCTAssertEqual(Screen.render(state).rows(), first)
        let again = ScreenLayout.frame(for: state)
        for (pane, layout) in zip([Pane.prompt, .response1, .response2], layouts) {
            XCTAssertTrue(again.metrics[pane]!.content.main === layout, "\(pane) was laid out again")
        }
        XCTAssertEqual(layouts.map(\.blocksRendered), [1, 1, 1], "ten keys and eleven frames rendered nothing again")
    }

    func testAtTheMinimumSizeTheKeyBarKeepsTheChoicesAndTheWayAround() {
        let state = ScreenFixtures.state(ScreenFixtures.longRight, cols: 60, rows: 16)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                   7/24 · 29% ",
        "┌─ Prompt ─────────────────────────────────────────────────┐",
        "│ Name three uses of a hash table.                         │",
        "└──────────────────────────────────────────────────────────┘",
        "┌─ Response 1 ───────────────┐┏━ ▶ Response 2 ━━━━━━━━━━━━━┓",
        "│ Caches, sets and indexes.  │┃ 1. A use of hash tables,   ┃",
        "│                            │┃    number 1.               ┃",
        "│                            │┃ 2. A use of hash tables,   ┃",
        "│                            │┃    number 2.               ┃",
        "│                            │┃ 3. A use of hash tables,   ┃",
        "│                            │┃    number 3.               ┃",
        "│                            │┃ 4. A use of hash tables,   ┃",
        "│                            │┃    number 4.               ┃",
        "└────────────────────────────┘┗━━━━━━━━━━━━━━ 1–8 of 54 ↓ ━┛",
        "                                                            ",
        " 1/2 best 3 tie 4 bad Tab pane g guide / find ? help q quit ",
        ])
    }

    func testAPromptTakesTheRowsTheResponsesLeaveEmpty() {
        let state = ScreenFixtures.state(ScreenFixtures.longPrompt, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Summarize this in two sentences:                                             ┃",
        "┃                                                                              ┃",
        "┃ Sentence 1 of the passage.                                                   ┃",
        "┃ Sentence 2 of the passage.                                                   ┃",
        "┃ Sentence 3 of the passage.                                                   ┃",
        "┃ Sentence 4 of the passage.                                                   ┃",
        "┃ Sentence 5 of the passage.                                                   ┃",
        "┃ Sentence 6 of the passage.                                                   ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response 1 ─────────────────────────┐┌─ Response 2 ─────────────────────────┐",
        "│ The passage has six sentences.       ││ It is about sentences.               │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testWhenEverythingIsLongThePromptGetsItsShareAndScrolls() {
        let state = ScreenFixtures.state(ScreenFixtures.allLong, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Prompt line 1.                                                               ┃",
        "┃ Prompt line 2.                                                               ┃",
        "┃ Prompt line 3.                                                               ┃",
        "┃ Prompt line 4.                                                               ┃",
        "┃ Prompt line 5.                                                               ┃",
        "┃ Prompt line 6.                                                               ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 1–6 of 12 ↓ ━┛",
        "┌─ Response 1 ─────────────────────────┐┌─ Response 2 ─────────────────────────┐",
        "│ A line 1.                            ││ B line 1.                            │",
        "│ A line 2.                            ││ B line 2.                            │",
        "│ A line 3.                            ││ B line 3.                            │",
        "│ A line 4.                            ││ B line 4.                            │",
        "│ A line 5.                            ││ B line 5.                            │",
        "│ A line 6.                            ││ B line 6.                            │",
        "│ A line 7.                            ││ B line 7.                            │",
        "│ A line 8.                            ││ B line 8.                            │",
        "│ A line 9.                            ││ B line 9.                            │",
        "│ A line 10.                           ││ B line 10.                           │",
        "│ A line 11.                           ││ B line 11.                           │",
        "└─────────────────────── 1–11 of 30 ↓ ─┘└─────────────────────── 1–11 of 30 ↓ ─┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testATurnTwoTaskShowsTheTurnItsQuestionAndOpensEachPaneAtTheReply() {
        let state = ScreenFixtures.state(ScreenFixtures.turnTwo, cols: 80, rows: 24)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┌─ Prompt · turn 2 of 2 · earlier turns above each reply ──────────────────────┐",
        "│ Rewrite it so every sentence starts with A.                                  │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "┏━ ▶ Response 1 ━━━━━━━━━━━━━━━━━━━━━━━┓┌─ Response 2 ─────────────────────────┐",
        "┃ assistant:                           ┃│ assistant:                           │",
        "┃                                      ┃│                                      │",
        "┃ A trip to Hawaii is a joy.           ┃│ Hawaii? Amazing.                     │",
        "┃                                      ┃│                                      │",
        "┃ All of it was sunny.                 ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┃                                      ┃│                                      │",
        "┗━━━━━━━━━━━━━━━━━━━━ 37–41 of 41 end ━┛└──────────────────── 15–17 of 17 end ─┘",
        "                                                                                ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    func testTheGuidelinesHandWrappedParagraphsReflowToThePane() {
        var state = ScreenFixtures.state(ScreenFixtures.plain, cols: 150, rows: 18)
        state.config.guideline = ScreenFixtures.handWrappedGuideline
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                                                                                             7/24 · 29% ",
        "┏━ ▶ Prompt ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓┌─ Guideline ─────────────────────────────────────┐",
        "┃ Explain what a hash table is, briefly.                                                          ┃│ Labeling guideline                              │",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛│                                                 │",
        "┌─ Response 1 ──────────────────────────────────┐┌─ Response 2 ───────────────────────────────────┐│ Thank you for helping. Your labels teach and    │",
        "│ It is a list you search from the start until  ││ A hash table maps keys to values.              ││ test AI assistants, so each one matters. This   │",
        "│ you find the key.                             ││                                                ││ page says what we ask of you and how to decide. │",
        "│                                               ││ • It hashes the key to a slot.                 ││ Keep it open while you work; press / to search  │",
        "│                                               ││ • Lookups take O(1) on average.                ││ it.                                             │",
        "│                                               ││                                                ││                                                 │",
        "│                                               ││                                                ││ 1. Read the prompt first, all of it. Know what  │",
        "│                                               ││                                                ││    was asked before you read any answer.        │",
        "│                                               ││                                                ││ 2. Read both responses to the end.              │",
        "│                                               ││                                                ││                                                 │",
        "│                                               ││                                                ││                                                 │",
        "└───────────────────────────────────────────────┘└────────────────────────────────────────────────┘└─────────────────────────────────────────────────┘",
        "                                                                                                                                                      ",
        " 1 left  2 right  3/t tie  4/x both bad  u undo  s skip  n note  Tab focus  j/↓ scroll  g guide  / search  ? help  q quit                             ",
        ])
    }

    func testATaskThatCannotBeReadShowsOnlyTheSittingEndedBox() {
        var state = ScreenFixtures.state(nil, cols: 80, rows: 24)
        _ = Reducer.reduce(&state, .loadFailed("tasks.jsonl:9: the file was replaced"), now: 1000)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "  ┏━ Sitting ended ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓  ",
        "  ┃ Could not show the next task: tasks.jsonl:9: the file was replaced. Your ┃  ",
        "  ┃ labels so far are saved. Press any key to end the sitting.               ┃  ",
        "  ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛  ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " q quit                                                                         ",
        ])
    }

    func testAChoiceUnderTheGuidelineOverlayShowsAHintAndFocusStaysOnTheGuideline() {
        var state = ScreenFixtures.state(ScreenFixtures.plain, cols: 80, rows: 24)
        _ = Reducer.reduce(&state, .command(.toggleGuideline), now: 1000)
        _ = Reducer.reduce(&state, .command(.cycleFocus), now: 1000)
        _ = Reducer.reduce(&state, .command(.choose(slot: 0)), now: 1000)
        assertScreen(state, [
        " prefer · ana · batch-07.jsonl                                       7/24 · 29% ",
        "┏━ ▶ Guideline ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Guideline                                                                    ┃",
        "┃                                                                              ┃",
        "┃ Pick the response that is more helpful, truthful and harmless.               ┃",
        "┃                                                                              ┃",
        "┃ • Ignore which side a response is on.                                        ┃",
        "┃ • Ignore length unless it hurts.                                             ┃",
        "┃   • Padding is not helpfulness.                                              ┃",
        "┃                                                                              ┃",
        "┃ Ties                                                                         ┃",
        "┃                                                                              ┃",
        "┃ Use tie only when neither is better.                                         ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┃                                                                              ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        " ! The guideline covers the responses: press g to close it, then choose.        ",
        " 1/2 best 3 tie 4 bad u undo s skip n note Tab pane g guide / find ? help q quit",
        ])
    }

    private func assertScreen(_ state: AppState, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let rows = Screen.render(state).rows()
        XCTAssertEqual(rows.count, expected.count, "row count", file: file, line: line)
        for (index, (got, want)) in zip(rows, expected).enumerated() where got != want {
            XCTFail("row \(index):\n got: \(got)\nwant: \(want)", file: file, line: line)
        }
    }
}
