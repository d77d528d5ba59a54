import PreferCore

/// The one table of key bindings: it drives dispatch, the key bar and the `?` help, so what
/// the screen says a key does is what the key does.
public struct KeyMap: Sendable, Equatable {
    public let scale: Scale
    /// The labeling bindings in the order the help lists them.
    public let bindings: [KeyBinding]

    public init(scale: Scale) {
        self.scale = scale
        self.bindings = KeyMap.choiceBindings(for: scale) + KeyMap.commonBindings
    }

    /// A key map over another screen's table (the review screen's `ReviewKeys`), so one
    /// dispatcher, key bar and help serve every screen.
    public init(scale: Scale, bindings: [KeyBinding]) {
        self.scale = scale
        self.bindings = bindings
    }

    /// The action a key stands for in a context, or nil when the key does nothing there.
    public func action(for key: KeyEvent, in context: KeyContext) -> Action? {
        // Pasted text is never read as keys: it is field text, or nothing.
        if case .paste(let text) = key { return context == .textInput ? .paste(text) : nil }
        switch context {
        case .textInput:
            switch key {
            case .enter: return .commitInput
            case .escape: return .cancelInput
            case .backspace: return .deleteBackward
            case .character(let c): return .insertText(c)
            // A field is one line; a tab typed (or pasted unbracketed) is a space there.
            case .tab: return .insertText(" ")
            case .control("c"): return .cancelInput
            default: return nil
            }
        case .help:
            return .dismiss
        case .failed:
            return .command(.quit)
        case .tooSmall:
            return key == .character("q") ? .command(.quit) : nil
        case .done:
            guard let command = command(for: key), KeyMap.worksWhenDone(command) else { return nil }
            return .command(command)
        case .labeling:
            return command(for: key).map { .command($0) }
        }
    }

    /// The command bound to a key in the labeling table.
    public func command(for key: KeyEvent) -> Command? {
        bindings.first(where: { $0.keys.contains(key) })?.command
    }

    /// Bindings shown in the bottom key bar, in order: those that do something in `context`.
    public func barBindings(in context: KeyContext = .labeling) -> [KeyBinding] {
        bindings.filter { binding in
            guard binding.barLabel != nil else { return false }
            switch context {
            case .labeling, .textInput, .help: return true
            case .done: return KeyMap.worksWhenDone(binding.command)
            case .failed, .tooSmall: return binding.command == .quit
            }
        }
    }

    private static func worksWhenDone(_ command: Command) -> Bool {
        switch command {
        case .undo, .quit, .toggleHelp, .toggleGuideline, .startSearch, .cycleFocus,
             .cycleFocusBackward, .scrollLines, .scrollPages, .scrollToTop, .scrollToBottom:
            return true
        case .choose, .skip, .startNote, .nextItem, .previousItem:
            return false
        }
    }

    private static func choiceBindings(for scale: Scale) -> [KeyBinding] {
        switch scale {
        case .pairwise:
            // The short bar says "1/2 best": the panes are titled Response 1 and 2.
            return KeyBinding.choices(for: scale, help: [
                "the left response (Response 1) is better", "the right response (Response 2) is better",
                "tie: both are about equally good", "both are bad",
            ], bar: ["left", "right", "tie", "both bad"], firstShort: "best")
        case .likert5:
            return KeyBinding.choices(for: scale, help: ChoiceSlots.screenNames(for: scale),
                                      bar: ["L≫R", "L>R", "tie", "R>L", "R≫L", "both bad"], firstShort: "L≫R…R≫L")
        }
    }

    /// Moving focus backwards, scrolling the focused pane and the guideline: the same keys on
    /// every screen.
    static let paneBindings: [KeyBinding] = [
        KeyBinding([.backTab], "S-Tab", .cycleFocusBackward, help: "move focus backwards"),
        KeyBinding([.character("j"), .down], "j/↓", .scrollLines(1), help: "scroll the focused pane down a line", bar: "scroll",
                   short: .init("j/k", "scroll")),
        KeyBinding([.character("k"), .up], "k/↑", .scrollLines(-1), help: "scroll the focused pane up a line"),
        KeyBinding([.pageDown, .character(" ")], "PgDn/Space", .scrollPages(1), help: "scroll the focused pane down a page"),
        KeyBinding([.pageUp], "PgUp", .scrollPages(-1), help: "scroll the focused pane up a page"),
        KeyBinding([.home], "Home", .scrollToTop, help: "go to the top of the focused pane"),
        KeyBinding([.end], "End", .scrollToBottom, help: "go to the end of the focused pane"),
        KeyBinding([.character("g")], "g", .toggleGuideline, help: "show or hide the guideline", bar: "guide"),
    ]

    private static let commonBindings: [KeyBinding] = [
        KeyBinding([.character("u")], "u", .undo, help: "undo the last label or skip; back to that task", bar: "undo"),
        KeyBinding([.character("s")], "s", .skip, help: "skip this task", bar: "skip"),
        KeyBinding([.character("n")], "n", .startNote, help: "add a note to this task (Enter saves, Esc cancels)", bar: "note"),
        KeyBinding([.tab], "Tab", .cycleFocus, help: "move focus: prompt → response 1 → response 2 → guideline", bar: "focus",
                   short: .init("Tab", "pane")),
    ] + paneBindings + [
        KeyBinding([.character("/")], "/", .startSearch, help: "search the guideline (/ then Enter: the next match)", bar: "search",
                   short: .init("/", "find")),
        KeyBinding([.character("?")], "?", .toggleHelp, help: "show this help", bar: "help"),
        KeyBinding([.character("q")], "q", .quit, help: "quit (every label is already saved)", bar: "quit"),
    ]
}
