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

/// A task as the screen needs it: display texts in screen order plus what a label records.
public struct LoadedTask: Sendable, Equatable {
    /// Position of the task in the task file.
    public var index: Int
    public var id: String
    public var sha256: String
    /// Markdown shown in the prompt pane (the shared context).
    public var promptText: String {
        get { prompt.text }
        set { prompt = PaneText(newValue) }
    }
    /// Markdown of canonical response A and B (for conversations: the turns after the
    /// part both conversations share).
    public var responseA: String {
        get { a.text }
        set { a = PaneText(newValue) }
    }
    public var responseB: String {
        get { b.text }
        set { b = PaneText(newValue) }
    }
    /// Whether canonical response A is shown on the left (Response 1).
    public var leftIsA: Bool
    /// Markdown of the turns before the judged reply in conversation A and B, drawn above
    /// it in the response pane and scrolled past when the task opens ("" for none).
    public var earlierA: String {
        get { aEarlier.text }
        set { aEarlier = PaneText(newValue) }
    }
    public var earlierB: String {
        get { bEarlier.text }
        set { bEarlier = PaneText(newValue) }
    }
    /// The user turn whose reply is judged, for a conversation of more than one turn.
    public var judgedTurn: JudgedTurn?
    /// A batch's swapped-side repeat of a task this rater labeled before: recorded with
    /// `"repeat": true`, never announced on screen.
    public var isRepeat = false

    /// The texts with their layouts (kept with the task, so its lines are laid out once).
    public private(set) var prompt: PaneText
    private var a: PaneText
    private var b: PaneText
    private var aEarlier: PaneText
    private var bEarlier: PaneText

    public init(index: Int, id: String, sha256: String, promptText: String,
                responseA: String, responseB: String, leftIsA: Bool,
                earlierA: String = "", earlierB: String = "", judgedTurn: JudgedTurn? = nil) {
        self.index = index
        self.id = id
        self.sha256 = sha256
        self.prompt = PaneText(promptText)
        self.a = PaneText(responseA)
        self.b = PaneText(responseB)
        self.leftIsA = leftIsA
        self.aEarlier = PaneText(earlierA)
        self.bEarlier = PaneText(earlierB)
        self.judgedTurn = judgedTurn
    }

    /// The reply and earlier turns shown in the left pane (Response 1) and the right one.
    public var left: PaneText { leftIsA ? a : b }
    public var right: PaneText { leftIsA ? b : a }
    public var leftEarlierTurns: PaneText { leftIsA ? aEarlier : bEarlier }
    public var rightEarlierTurns: PaneText { leftIsA ? bEarlier : aEarlier }

    /// The text of the left pane (Response 1).
    public var leftText: String { leftIsA ? responseA : responseB }
    /// The text of the right pane (Response 2).
    public var rightText: String { leftIsA ? responseB : responseA }
    /// The earlier turns above the left and right replies.
    public var leftEarlier: String { leftIsA ? earlierA : earlierB }
    public var rightEarlier: String { leftIsA ? earlierB : earlierA }
    /// `"A"` or `"B"`: which canonical response is on the left, as recorded in `left`.
    public var leftSide: ResponseSide { leftIsA ? .a : .b }
}
