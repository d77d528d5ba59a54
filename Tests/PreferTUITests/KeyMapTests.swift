import PreferCore
@testable import PreferTUI
import XCTest

final class KeyMapTests: XCTestCase {
    func testEveryKeyOfTheSpecIsBoundToItsCommand() {
        let map = KeyMap(scale: .pairwise)
        let expected: [(KeyEvent, Command)] = [
            (.character("1"), .choose(slot: 0)), (.character("2"), .choose(slot: 1)),
            (.character("3"), .choose(slot: 2)), (.character("t"), .choose(slot: 2)),
            (.character("4"), .choose(slot: 3)), (.character("x"), .choose(slot: 3)),
            (.character("u"), .undo), (.character("s"), .skip), (.character("n"), .startNote),
            (.tab, .cycleFocus), (.character("j"), .scrollLines(1)), (.character("k"), .scrollLines(-1)),
            (.down, .scrollLines(1)), (.up, .scrollLines(-1)), (.pageDown, .scrollPages(1)),
            (.pageUp, .scrollPages(-1)), (.character(" "), .scrollPages(1)), (.home, .scrollToTop),
            (.end, .scrollToBottom), (.character("g"), .toggleGuideline), (.character("/"), .startSearch),
            (.character("?"), .toggleHelp), (.character("q"), .quit),
        ]
        for (key, command) in expected {
            XCTAssertEqual(map.action(for: key, in: .labeling), .command(command), "\(key)")
        }
    }

    func testNoKeyIsBoundTwice() {
        for scale in Scale.allCases {
            let keys = KeyMap(scale: scale).bindings.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "\(scale)")
        }
    }

    func testLikertUsesOneToFiveLeftToRight() {
        let map = KeyMap(scale: .likert5)
        for slot in 0..<5 {
            XCTAssertEqual(map.command(for: .character(Character(String(slot + 1)))), .choose(slot: slot))
        }
        XCTAssertEqual(map.command(for: .character("x")), .choose(slot: 5), "x is both-bad, as on pairwise")
        XCTAssertNil(map.command(for: .character("t")), "likert5's tie is 3 only")
    }

    func testTheKeyBarOnlyNamesKeysThatDoWhatItSays() {
        let map = KeyMap(scale: .pairwise)
        for binding in map.barBindings() {
            for key in binding.keys {
                XCTAssertEqual(map.command(for: key), binding.command)
            }
        }
        XCTAssertEqual(map.barBindings().compactMap(\.barLabel).prefix(4), ["left", "right", "tie", "both bad"])
    }

    func testTheShortKeyBarNamesEveryKeyOfTheLongOneThatMovesAround() {
        for scale in Scale.allCases {
            let short = KeyMap(scale: scale).barBindings().compactMap(\.shortBar).map(\.key)
            for key in ["Tab", "g", "/", "?", "q", "u", "s", "n"] {
                XCTAssertTrue(short.contains(key), "\(scale): \(key) missing from \(short)")
            }
        }
    }

    func testTooSmallOnlyLetsTheRaterQuit() {
        let map = KeyMap(scale: .pairwise)
        XCTAssertNil(map.action(for: .character("1"), in: .tooSmall))
        XCTAssertNil(map.action(for: .character("u"), in: .tooSmall))
        XCTAssertEqual(map.action(for: .character("q"), in: .tooSmall), .command(.quit))
    }

    func testTypingANoteNeverTriggersCommands() {
        let map = KeyMap(scale: .pairwise)
        XCTAssertEqual(map.action(for: .character("1"), in: .textInput), .insertText("1"))
        XCTAssertEqual(map.action(for: .character("q"), in: .textInput), .insertText("q"))
        XCTAssertEqual(map.action(for: .enter, in: .textInput), .commitInput)
        XCTAssertEqual(map.action(for: .escape, in: .textInput), .cancelInput)
    }

    func testTheDoneScreenAcceptsUndoAndQuitButNoChoice() {
        let map = KeyMap(scale: .pairwise)
        XCTAssertNil(map.action(for: .character("1"), in: .done))
        XCTAssertNil(map.action(for: .character("s"), in: .done))
        XCTAssertEqual(map.action(for: .character("u"), in: .done), .command(.undo))
        XCTAssertEqual(map.action(for: .character("q"), in: .done), .command(.quit))
    }
}
