/// A key as the terminal layer decodes it, free of ncurses codes so the key map and the
/// reducer can be tested without a terminal.
public enum KeyEvent: Sendable, Hashable {
    /// A printable character (already known to be printable).
    case character(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// Ctrl plus a letter, lowercase (e.g. `.control("c")`).
    case control(Character)
    /// Anything else the terminal sent; ignored by the key map.
    case unknown(Int32)
}
