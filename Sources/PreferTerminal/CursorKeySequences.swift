import CNcursesw

/// Teaches ncurses the cursor-key sequences terminals send outside keypad (application) mode.
///
/// keypad() asks the terminal for application mode, where Up is `ESC O A`, and terminfo lists
/// only those. A terminal that ignores the request (or a multiplexer that dropped it) sends
/// `ESC [ A` instead, which would otherwise arrive as Esc, `[`, `A`: three stray keys.
enum CursorKeySequences {
    /// The normal-mode sequences and the key each one means.
    static let sequences: [(String, Int32)] = [
        ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT), ("\u{1b}[D", KEY_LEFT),
        ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END), ("\u{1b}OH", KEY_HOME), ("\u{1b}OF", KEY_END),
        ("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[8~", KEY_END),
        ("\u{1b}[5~", KEY_PPAGE), ("\u{1b}[6~", KEY_NPAGE), ("\u{1b}[Z", KEY_BTAB),
    ]

    /// Defines every sequence the terminal's terminfo entry does not already bind.
    static func register() {
        for (sequence, key) in sequences where key_defined(sequence) == 0 {
            define_key(sequence, key)
        }
    }
}
