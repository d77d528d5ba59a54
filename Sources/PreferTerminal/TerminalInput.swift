import PreferTUI

/// What one read from the terminal produced.
public enum TerminalInput: Sendable, Hashable {
    /// A decoded key.
    case key(KeyEvent)
    /// The terminal changed size; the next `present` repaints everything.
    case resize(cols: Int, rows: Int)
    /// Nothing arrived within the timeout (or a signal interrupted the wait): poll `SignalMonitor`.
    case timeout
    /// The terminal is gone (hangup, EOF or EIO); end the sitting.
    case closed
}
