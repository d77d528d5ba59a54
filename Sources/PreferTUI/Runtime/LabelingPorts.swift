import PreferCore

/// What the labeling loop needs from a terminal; `PreferTerminal` provides the real one and
/// tests provide a recording fake.
@MainActor
public protocol LabelingScreen: AnyObject {
    var size: TerminalSize { get }
    func present(_ grid: CellGrid)
    func readInput(timeoutMs: Int) -> ScreenInput
    func flushPendingInput()
}

/// One thing read from the terminal.
public enum ScreenInput: Sendable, Equatable {
    case key(KeyEvent)
    case resize(TerminalSize)
    /// Nothing arrived in time; a chance to look at signals.
    case timeout
    /// The terminal is gone (EOF, EIO, hangup).
    case closed
}

/// Where records go: the session file. `write` returns only once the record is durable.
@MainActor
public protocol LabelSink: AnyObject {
    func write(_ record: SessionEventBody) throws
    /// Writes `session_end`; errors are swallowed by the caller, since the sitting ends anyway.
    func end(reason: SessionEndReason) throws
}

/// Where tasks come from: the validated task file.
@MainActor
public protocol TaskSource: AnyObject {
    func load(index: Int) throws -> LoadedTask
}
