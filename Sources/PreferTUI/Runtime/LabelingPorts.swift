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

/// Where tasks come from: the validated task file, and for a batch sitting its router.
@MainActor
public protocol TaskSource: AnyObject {
    func load(index: Int) throws -> LoadedTask
    /// A batch sitting's next task (the router decides), or what to say when none is left.
    func next() throws -> NextTask
}

/// The router's answer to "what next?".
public enum NextTask: Sendable, Equatable {
    case task(LoadedTask)
    /// Nothing is left for this rater; `progress` says how far the whole batch is.
    case nothingLeft(progress: String)
}

extension TaskSource {
    /// A plain sitting has no router: its reducer never asks.
    public func next() throws -> NextTask { .nothingLeft(progress: "") }

    /// Task `index` as a batch repeat: the sides swapped from the usual ones, since the
    /// first showing used them, and marked so that its label says `"repeat": true`.
    public func loadRepeat(index: Int) throws -> LoadedTask {
        var task = try load(index: index)
        task.leftIsA.toggle()
        task.isRepeat = true
        return task
    }
}
