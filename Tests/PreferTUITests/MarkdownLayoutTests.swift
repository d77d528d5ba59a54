import XCTest
@testable import PreferTUI

/// Markdown-aware layout, compared as literal rows at several widths.
final class MarkdownLayoutTests: XCTestCase {
    private func rows(_ text: String, width: Int) -> [String] {
        TextLayout.layout(text, width: width, markdown: true).lines.map(\.text)
    }

    private let guideline = """
    ## Step 2: Compare the *answers*

    Read both responses **fully** before choosing.

    - Prefer the answer that is correct.
    - Prefer concise answers; a long answer is not better because it is long.
      - Nested: check `code` runs.
    1. First numbered item
    2. Second numbered item that wraps

    ```python
    def f(x):
        return x * 2  # doubled
    ```
    """

    private func joinedRows(_ text: String, width: Int) -> [String] {
        TextLayout.layout(text, width: width, markdown: true, joinSoftBreaks: true).lines.map(\.text)
    }

    /// Written the way a person wraps prose in an editor, with every block kind after it.
    private let handWrapped = """
    Thank you for helping. Your labels teach and test AI assistants, so each one
    matters. This page says what we ask of you.

    Line one of an address,\u{20}\u{20}
    line two after two spaces,\\
    line three after a backslash.

    - An item that was wrapped
      by hand continues the item.
    - A second item.
    > A quote wrapped
    > by hand.

    ```
    code line one
    code line two
    ```

        indented code one
        indented code two

    | key | meaning |
    | --- | ------- |
    | 1   | left    |
    ## Heading
    after the heading.
    """

    func testTheGuidelinesSoftBreaksJoinAndReflowWhileEveryOtherBlockKeepsItsLines() {
        XCTAssertEqual(joinedRows(handWrapped, width: 40), [
            "Thank you for helping. Your labels teach",
            "and test AI assistants, so each one",
            "matters. This page says what we ask of",
            "you.",
            "",
            "Line one of an address,",
            "line two after two spaces,",
            "line three after a backslash.",
            "",
            "• An item that was wrapped by hand",
            "  continues the item.",
            "• A second item.",
            "│ A quote wrapped by hand.",
            "",
            "```",
            "code line one",
            "code line two",
            "```",
            "",
            "    indented code one",
            "    indented code two",
            "",
            "| key | meaning |",
            "| --- | ------- |",
            "| 1   | left    |",
            "Heading",
            "after the heading.",
        ])
    }

    func testResponsesKeepTheirLinesAsWritten() {
        XCTAssertEqual(rows("Thank you for helping. Your labels\nmatter.", width: 60),
                       ["Thank you for helping. Your labels", "matter."])
    }

    func testGuidelineAtWidth20() {
        XCTAssertEqual(rows(guideline, width: 20), [
            "Step 2: Compare the",
            "answers",
            "",
            "Read both responses",
            "fully before",
            "choosing.",
            "",
            "• Prefer the answer",
            "  that is correct.",
            "• Prefer concise",
            "  answers; a long",
            "  answer is not",
            "  better because it",
            "  is long.",
            "  • Nested: check",
            "    code runs.",
            "1. First numbered",
            "   item",
            "2. Second numbered",
            "   item that wraps",
            "",
            "```python",
            "def f(x):",
            "    return x * 2  # ",
            "↪doubled",
            "```",
        ])
    }

    func testGuidelineAtWidth40() {
        XCTAssertEqual(rows(guideline, width: 40), [
            "Step 2: Compare the answers",
            "",
            "Read both responses fully before",
            "choosing.",
            "",
            "• Prefer the answer that is correct.",
            "• Prefer concise answers; a long answer",
            "  is not better because it is long.",
            "  • Nested: check code runs.",
            "1. First numbered item",
            "2. Second numbered item that wraps",
            "",
            "```python",
            "def f(x):",
            "    return x * 2  # doubled",
            "```",
        ])
    }

    func testGuidelineAtWidth80() {
        XCTAssertEqual(rows(guideline, width: 80), [
            "Step 2: Compare the answers",
            "",
            "Read both responses fully before choosing.",
            "",
            "• Prefer the answer that is correct.",
            "• Prefer concise answers; a long answer is not better because it is long.",
            "  • Nested: check code runs.",
            "1. First numbered item",
            "2. Second numbered item that wraps",
            "",
            "```python",
            "def f(x):",
            "    return x * 2  # doubled",
            "```",
        ])
    }

    func testHeadingsAreBoldWithMarkersDropped() {
        let lines = TextLayout.layout("## Compare the *answers*\n### Title ###\n#### C# ####\n#nohead", width: 80, markdown: true).lines
        XCTAssertEqual(lines[0].spans, [Span("Compare the ", style: .bold), Span("answers", style: [.bold, .italic])])
        XCTAssertEqual(lines.map(\.text), ["Compare the answers", "Title", "C#", "#nohead"])
        XCTAssertEqual(lines[3].spans, [Span("#nohead")])
    }

    func testEmphasisAndCodeBecomeStylesWithMarkersDropped() {
        let line = TextLayout.layout("a **b** _c_ `d` __e__ *f*", width: 80, markdown: true).lines[0]
        XCTAssertEqual(line.spans, [
            Span("a "), Span("b", style: .bold), Span(" "), Span("c", style: .italic), Span(" "),
            Span("d", style: .underline), Span(" "), Span("e", style: .bold), Span(" "), Span("f", style: .italic),
        ])
    }

    func testUnderscoresInsideWordsAndUnmatchedMarkersStayLiteral() {
        XCTAssertEqual(rows("snake_case_name, \\*lit\\*, `unclosed and **open", width: 80),
                       ["snake_case_name, *lit*, `unclosed and **open"])
        XCTAssertEqual(rows("`` a ` b `` and ***both***", width: 80), ["a ` b and both"])
    }

    func testNestedListsHangUnderTheirItemText() {
        XCTAssertEqual(rows("- a\n  - b\n    - c deep item wraps here\n  - d\n- e", width: 16), [
            "• a",
            "  • b",
            "    • c deep",
            "      item wraps",
            "      here",
            "  • d",
            "• e",
        ])
    }

    func testListItemParagraphsAndCodeAlignUnderTheItem() {
        let text = "1. Install:\n\n   ```sh\n   swift build\n   ```\n\n   Then run it.\n2. Done\nlazy continuation here\n\nNot in list"
        XCTAssertEqual(rows(text, width: 30), [
            "1. Install:",
            "",
            "   ```sh",
            "   swift build",
            "   ```",
            "",
            "   Then run it.",
            "2. Done",
            "   lazy continuation here",
            "",
            "Not in list",
        ])
    }

    func testCodeBlocksAreVerbatimAndHardBrokenWithAContinuationMark() {
        let text = "```\nx  =  [1,2,3]   # spaced **not bold**\n\tindented\n```"
        XCTAssertEqual(rows(text, width: 20), [
            "```",
            "x  =  [1,2,3]   # sp",
            "↪aced **not bold**",
            "    indented",
            "```",
        ])
        let continuation = TextLayout.layout(text, width: 20, markdown: true).lines[2]
        XCTAssertEqual(continuation.spans.first, Span("↪", style: .dim))
    }

    func testIndentedCodeNeedsABlankLineBeforeIt() {
        XCTAssertEqual(rows("> Quote **one**\n> > deeper quote\n\n    indented code line\nafter", width: 20), [
            "│ Quote one",
            "│ │ deeper quote",
            "",
            "    indented code li",
            "↪ne",
            "after",
        ])
        XCTAssertEqual(rows("Para\n    not code", width: 20), ["Para", "not code"])
    }

    func testBlockQuotesGetAGutterOnEveryLine() {
        XCTAssertEqual(rows("> - quoted item\n> ---\n> # Head", width: 12), [
            "│ • quoted",
            "│   item",
            "│ ──────────",
            "│ Head",
        ])
    }

    func testRulesFillTheWidthAndLookalikesAreText() {
        XCTAssertEqual(rows("* * *\n___\n-not list\n1.5 million\n+ plus", width: 12), [
            "────────────",
            "────────────",
            "-not list",
            "1.5 million",
            "• plus",
        ])
    }

    func testAnUnclosedFenceRunsToTheEnd() {
        XCTAssertEqual(rows("~~~\nunclosed `x` **y**\n\tline", width: 30), ["~~~", "unclosed `x` **y**", "    line"])
    }

    func testPlaceholdersNeverActAsMarkdownSyntax() {
        // An escaped-looking heading: the ESC placeholder is text, not a `#` marker.
        let laid = TextLayout.layout("\u{1b}# not a heading\n- \u{202E}item", width: 40, markdown: true)
        XCTAssertEqual(laid.lines.map(\.text), ["␛# not a heading", "• ⟨U+202E⟩item"])
        XCTAssertEqual(laid.lines[0].spans.first, Span("␛", style: .placeholder))
        XCTAssertEqual(laid.hiddenCount, 2)
    }

    func testMarkdownOffKeepsMarkersAsText() {
        XCTAssertEqual(TextLayout.layout("# **x**\n- y", width: 20, markdown: false).lines.map(\.text), ["# **x**", "- y"])
    }
}
