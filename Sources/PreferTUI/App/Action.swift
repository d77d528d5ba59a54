import PreferCore

/// Everything that can change a screen's state (the label and the review screen's): commands
/// from keys, text typed into a one-line field, and what the runtime saw or did.
public enum Action: Sendable, Equatable {
    case command(Command)
    /// A character typed into the note or search field.
    case insertText(Character)
    /// A bracketed paste into the note or search field: text only, never keys.
    case paste(String)
    case deleteBackward
    case commitInput
    case cancelInput
    /// Any key while the help overlay or a message is up: closes it.
    case dismiss
    case resize(cols: Int, rows: Int)
    case taskLoaded(LoadedTask)
    /// A batch's router has nothing left for this rater; the text says how far the batch is.
    case nothingLeft(progress: String)
    case loadFailed(String)
    case saved(SessionEventBody)
    case saveFailed(String)
    /// The session file was removed or replaced mid-sitting: the message names the labels
    /// of this sitting that are therefore not saved (earlier labels are not safe either).
    case sessionFileLost(String)
    /// The terminal hung up or a signal asked us to stop.
    case endRequested(SessionEndReason)
    /// No input arrived for a while: time-limited messages may expire.
    case tick
}
