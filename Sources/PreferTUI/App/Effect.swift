import PreferCore

/// A side effect the reducer asks for; the runtime performs it and feeds the outcome back
/// as an `Action`, so the reducer itself never touches a file or the terminal.
public enum Effect: Sendable, Equatable {
    /// Append and fsync; then send `.saved(record)` or `.saveFailed(message)`.
    case record(SessionEventBody)
    /// Decode task `index` of the task file; then send `.taskLoaded(…)` or `.loadFailed(…)`.
    case loadTask(index: Int)
    /// A batch sitting: ask the router for the next task (it reads what other raters
    /// appended first); then send `.taskLoaded(…)`, `.nothingLeft(…)` or `.loadFailed(…)`.
    case loadNext
    /// Show task `index` again as the swapped-side repeat it was (after an undo of its label).
    case loadRepeat(index: Int)
    /// Throw away keys typed before the new task appeared (type-ahead, a held key, a paste).
    case flushInput
    /// End the sitting: write `session_end` with this reason and leave the screen.
    case quit(reason: SessionEndReason)
}
