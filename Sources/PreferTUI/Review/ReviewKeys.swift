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
            return KeyBinding.choices(for: scale, help: [
                "response A (left) is better", "response B (right) is better", "tie", "both are bad",
            ].map { "verdict: " + $0 }, bar: ["A better", "B better", "tie", "both bad"], firstShort: "A/B")
        case .likert5:
            return KeyBinding.choices(for: scale, help: [
                "A much better", "A better", "tie", "B better", "B much better", "both are bad",
            ].map { "verdict: " + $0 }, bar: ["A≫B", "A>B", "tie", "B>A", "B≫A", "both bad"], firstShort: "A≫B…B≫A")
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
    ] + KeyMap.paneBindings + [
        KeyBinding([.character("/")], "/", .startSearch,
                   help: "find an item by task id or note (/ Enter: next match)", bar: "search",
                   short: .init("/", "find")),
        KeyBinding([.character("?")], "?", .toggleHelp, help: "show this help", bar: "help"),
        KeyBinding([.character("q")], "q", .quit, help: "quit (every verdict is already saved)", bar: "quit"),
    ]
}
