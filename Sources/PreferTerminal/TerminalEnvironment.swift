import CNcursesw
import Glibc

/// The checks that must pass before the screen opens: a usable TERM and a UTF-8 locale.
enum TerminalEnvironment {
    /// The TERM value, refusing an unset, empty or `dumb` one before anything is opened.
    static func checkedTermName(_ value: String?) throws(TerminalError) -> String {
        guard let term = value, !term.isEmpty else { throw .termNotSet }
        if term == "dumb" { throw .termCannotAddressCursor(term: term) }
        return term
    }

    /// Selects the environment's locale, falling back to C.UTF-8 when it is not UTF-8.
    ///
    /// Without a UTF-8 locale ncurses draws multibyte text as junk and wcwidth("界") is -1.
    static func selectUTF8Locale() throws(TerminalError) {
        setlocale(LC_ALL, "")
        let found = currentCodeset()
        if isUTF8(found) { return }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8(currentCodeset()) { return }
        throw .noUTF8Locale(codeset: found)
    }

    /// Asks terminfo about `term` without touching the screen: unknown names and terminals that
    /// cannot address the cursor are refused here, before `newterm` writes any setup string.
    static func probeTerminfo(term: String, fileDescriptor: Int32) throws(TerminalError) {
        switch prefer_probe_terminfo(term, fileDescriptor) {
        case 1: return
        case 2: throw .termCannotAddressCursor(term: term)
        default: throw .termUnknown(term: term)
        }
    }

    private static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "unknown" }
        return String(cString: codeset)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" }
        return normalized == "utf8"
    }
}
