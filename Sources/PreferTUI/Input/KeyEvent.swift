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
    /// Text the terminal delivered as one bracketed paste (`ESC[200~ … ESC[201~`), its
    /// characters already filtered like typed ones; line breaks and tabs kept as sent.
    case paste(String)
    /// Anything else the terminal sent; ignored by the key map.
    case unknown(Int32)
}
