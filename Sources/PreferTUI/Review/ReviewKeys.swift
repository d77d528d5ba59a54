import PreferCore

/// The review screen's key table: verdicts with the label screen's choice keys (in task
/// terms: A is the left pane), then moving through the queue. The one `KeyMap` dispatcher,
/// key bar and `?` help read it, as they read the labeling table.
public enum ReviewKeys {
    public static func keyMap(scale: Scale) -> KeyMap {
        KeyMap(scale: scale, bindings: choiceBindings(for: scale) + commonBindings)
    }

    private static func choiceBindings(for scale: Scale) -> [KeyBinding] {
        switch scale {
        case .pairwise:
            return [
                KeyBinding([.character("1")], "1", .choose(slot: 0), help: "verdict: response A (left) is better",
                           bar: "A better", short: .init("1/2", "A/B")),
                KeyBinding([.character("2")], "2", .choose(slot: 1), help: "verdict: response B (right) is better",
                           bar: "B better", short: .some(nil)),
                KeyBinding([.character("3"), .character("t")], "3/t", .choose(slot: 2), help: "verdict: tie",
                           bar: "tie", short: .init("3", "tie")),
                KeyBinding([.character("4"), .character("x")], "4/x", .choose(slot: 3), help: "verdict: both are bad",
                           bar: "both bad", short: .init("4", "bad")),
            ]
        case .likert5:
            let names = ["A much better", "A better", "tie", "B better", "B much better"]
            let bar = ["A≫B", "A>B", "tie", "B>A", "B≫A"]
            return names.indices.map { slot in
                let key = Character(String(slot + 1))
                let shortName: KeyBinding.BarName? = slot == 0 ? .init("1…5", "A≫B…B≫A") : nil
                return KeyBinding([.character(key)], String(key), .choose(slot: slot), help: "verdict: " + names[slot],
                                  bar: bar[slot], short: .some(shortName))
            } + [
                KeyBinding([.character("x")], "x", .choose(slot: names.count), help: "verdict: both are bad",
                           bar: "both bad", short: .init("x", "bad")),
            ]
        }
    }

    private static let commonBindings: [KeyBinding] = [
        KeyBinding([.character("c")], "c", .startNote, help: "write a note for your verdict (Enter keeps it, Esc cancels)",
                   bar: "note"),
        KeyBinding([.character("u")], "u", .undo, help: "retract your verdict on this item", bar: "undo"),
        KeyBinding([.character("n")], "n", .nextItem, help: "next item of the queue", bar: "next"),
        KeyBinding([.character("p")], "p", .previousItem, help: "previous item of the queue", bar: "prev"),
        KeyBinding([.tab], "Tab", .cycleFocus, help: "move focus: prompt → response A → response B → labels", bar: "focus",
                   short: .init("Tab", "pane")),
    ] + KeyMap.scrollBindings + [
        KeyBinding([.character("g")], "g", .toggleGuideline, help: "show or hide the guideline", bar: "guide"),
        KeyBinding([.character("/")], "/", .startSearch,
                   help: "find an item by task id or note (/ Enter: next match)", bar: "search",
                   short: .init("/", "find")),
        KeyBinding([.character("?")], "?", .toggleHelp, help: "show this help", bar: "help"),
        KeyBinding([.character("q")], "q", .quit, help: "quit (every verdict is already saved)", bar: "quit"),
    ]
}
