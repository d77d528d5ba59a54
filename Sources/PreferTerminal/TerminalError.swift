/// Why the labeling screen could not open; each message is a sentence a rater can act on.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// TERM is unset or empty.
    case termNotSet
    /// TERM names a terminal that cannot move the cursor (`dumb`, hardcopy, generic).
    case termCannotAddressCursor(term: String)
    /// TERM is not in the terminfo database (or is a generic or hardcopy entry).
    case termUnknown(term: String)
    /// Neither the environment's locale nor C.UTF-8 gives a UTF-8 codeset.
    case noUTF8Locale(codeset: String)
    /// /dev/tty could not be opened (no controlling terminal).
    case noTerminalDevice(reason: String)
    /// ncurses refused to start the screen.
    case screenDidNotStart(term: String)

    /// The message to show the rater (safe to print: TERM and errno text are escaped).
    public var description: String {
        switch self {
        case .termNotSet:
            return "TERM is not set, so prefer cannot tell how to draw on this terminal; "
                + "set it (for example TERM=xterm-256color) and try again."
        case .termCannotAddressCursor(let term):
            return "The terminal type TERM=\(Self.printable(term)) cannot move the cursor, so the "
                + "labeling screen cannot be drawn; run prefer in a full terminal (for example TERM=xterm-256color)."
        case .termUnknown(let term):
            return "The terminal type TERM=\(Self.printable(term)) is not known to terminfo on this "
                + "machine (or cannot drive a full screen); set TERM to a known type (for example TERM=xterm-256color) or install its terminfo entry."
        case .noUTF8Locale(let codeset):
            return "The locale uses the \(Self.printable(codeset)) character set and C.UTF-8 is not "
                + "available, so text cannot be shown correctly; set LANG to a UTF-8 locale (for example en_US.UTF-8)."
        case .noTerminalDevice(let reason):
            return "The labeling screen needs an interactive terminal, but /dev/tty could not be opened "
                + "(\(Self.printable(reason))); run it from a terminal, not from a pipe or a job without one."
        case .screenDidNotStart(let term):
            return "ncurses could not start the screen for TERM=\(Self.printable(term)); "
                + "try TERM=xterm-256color."
        }
    }

    /// The environment value made safe to print: only printable ASCII, at most 64 characters,
    /// everything else as `\u{…}`, so a hostile TERM cannot send escape sequences through stderr.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(64) {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        if text.unicodeScalars.count > 64 { result += "…" }
        return result
    }
}
