import PreferCore
@testable import PreferTUI
import XCTest

/// Whole review screens rendered into the cell grid and compared as literal rows (reviewed
/// by eye when first written).
final class ReviewScreenTests: XCTestCase {
    func testContestedItemAt80x24ShowsPromptResponsesSideBySideAndTheLabelsTable() {
        assertScreen(ReviewFixtures.state(), [
        " prefer review · lee · batch-07.jsonl                  item 1/3 · 0 adjudicated ",
        "┏━ ▶ Prompt · hash-table ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Explain what a hash table is, briefly.                                       ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response A ─────────────────────────┐┌─ Response B ─────────────────────────┐",
        "│ A hash table maps keys to values.    ││ It is a list you search from the     │",
        "│                                      ││ start until you find the key.        │",
        "│ • It hashes the key to a slot.       ││                                      │",
        "│ • Lookups take O(1) on average.      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "┌─ Labels · 1 A · 1 B · no majority ───────────────────────────────────────────┐",
        "│ rater  choice  left  time    note                                            │",
        "│ ana    A       B     12.3s   B invents a list search                         │",
        "│ bo     B       A     4.0s                                                    │",
        "│ your verdict: none yet                                                       │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 A/B 3 tie 4 bad u undo n next p prev Tab pane g guide / find ? help q quit ",
        ])
    }

    func testAt160x48WithShowModelsTheResponsePanesNameTheirModels() {
        assertScreen(ReviewFixtures.state(cols: 160, rows: 48, showModels: true), [
        " prefer review · lee · batch-07.jsonl                                                                                                  item 1/3 · 0 adjudicated ",
        "┏━ ▶ Prompt · hash-table ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Explain what a hash table is, briefly.                                                                                                                       ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response A · gpt-4 ─────────────────────────────────────────────────────────┐┌─ Response B · claude-v1 ─────────────────────────────────────────────────────┐",
        "│ A hash table maps keys to values.                                            ││ It is a list you search from the start until you find the key.               │",
        "│                                                                              ││                                                                              │",
        "│ • It hashes the key to a slot.                                               ││                                                                              │",
        "│ • Lookups take O(1) on average.                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "│                                                                              ││                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘",
        "┌─ Labels · 1 A · 1 B · no majority ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
        "│ rater  choice  left  time    note                                                                                                                            │",
        "│ ana    A       B     12.3s   B invents a list search                                                                                                         │",
        "│ bo     B       A     4.0s                                                                                                                                    │",
        "│ your verdict: none yet                                                                                                                                       │",
        "└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
        "                                                                                                                                                                ",
        " 1 A better  2 B better  3/t tie  4/x both bad  c note  u undo  n next  p prev  Tab focus  j/↓ scroll  g guide  / search  ? help  q quit                        ",
        ])
    }

    func testHostileTextInTasksAndNotesIsShownAsPlaceholders() {
        assertScreen(hostileState(), [
        " prefer review · lee · batch-07.jsonl                  item 2/3 · 1 adjudicated ",
        "┏━ ▶ Prompt · evil ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Summarise the file.                                                          ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response A · hidden chars: 4 ───────┐┌─ Response B ─────────────────────────┐",
        "│ safe␍EVIL ␛]0;pwned␇ ⟨U+202E⟩txt.exe ││ A plain summary.                     │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "┌─ Labels · 2 A · 1 tie · majority A 67% · hidden chars: 3 ────────────────────┐",
        "│ rater  choice  left  time    note                                            │",
        "│ ana    A       A     1m01s                                                   │",
        "│ bo     A       B     3.0s                                                    │",
        "│ chen   tie     A     9.9s    evil␛[2J note                                   │",
        "│ your verdict: A · note: note␛]52;c;x␇                                        │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "                                                                                ",
        " 1/2 A/B 3 tie 4 bad u undo n next p prev Tab pane g guide / find ? help q quit ",
        ])
    }

    func testAnEmptyQueueSaysThereIsNothingToReview() {
        assertScreen(ReviewFixtures.state([]), [
        " prefer review · lee · batch-07.jsonl                                   0 items ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "  ┏━ Nothing to review ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓  ",
        "  ┃ No contested item: every task with two or more labels has a clear        ┃  ",
        "  ┃ majority (or is above --min-agreement).                                  ┃  ",
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

    func testTheNoteFieldShowsWhatIsTyped() {
        assertScreen(noteState(), [
        " prefer review · lee · batch-07.jsonl                  item 1/3 · 0 adjudicated ",
        "┏━ ▶ Prompt · hash-table ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Explain what a hash table is, briefly.                                       ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "┌─ Response A ─────────────────────────┐┌─ Response B ─────────────────────────┐",
        "│ A hash table maps keys to values.    ││ It is a list you search from the     │",
        "│                                      ││ start until you find the key.        │",
        "│ • It hashes the key to a slot.       ││                                      │",
        "│ • Lookups take O(1) on average.      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "│                                      ││                                      │",
        "└──────────────────────────────────────┘└──────────────────────────────────────┘",
        "┌─ Labels · 1 A · 1 B · no majority ───────────────────────────────────────────┐",
        "│ rater  choice  left  time    note                                            │",
        "│ ana    A       B     12.3s   B invents a list search                         │",
        "│ bo     B       A     4.0s                                                    │",
        "│ your verdict: none yet                                                       │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Verdict note (Enter keeps, Esc cancels): B is wrong▏                           ",
        " 1/2 A/B 3 tie 4 bad u undo n next p prev Tab pane g guide / find ? help q quit ",
        ])
    }

    func testModelNamesAreHiddenWithoutShowModels() {
        let screen = ReviewScreen.render(ReviewFixtures.state(cols: 160, rows: 48)).rows().joined(separator: "\n")
        XCTAssertFalse(screen.contains("gpt-4") || screen.contains("claude-v1"))
    }

    private func hostileState() -> ReviewState {
        var state = ReviewFixtures.state(position: 1)
        state.items[1].verdict = ReviewVerdict(choice: "A", note: "note\u{1b}]52;c;x\u{7}")
        return state
    }

    private func noteState() -> ReviewState {
        var state = ReviewFixtures.state()
        ReviewFixtures.run(&state, .command(.startNote))
        for c in "B is wrong" { ReviewFixtures.run(&state, .insertText(c)) }
        return state
    }

    private func assertScreen(_ state: ReviewState, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let rows = ReviewScreen.render(state).rows()
        XCTAssertEqual(rows.count, expected.count, "row count", file: file, line: line)
        for (index, (got, want)) in zip(rows, expected).enumerated() where got != want {
            XCTFail("row \(index):\n got: \(got)\nwant: \(want)", file: file, line: line)
        }
    }
}
