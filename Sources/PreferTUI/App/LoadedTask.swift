import PreferCore

/// A task as the screen needs it: display texts in screen order plus what a label records.
public struct LoadedTask: Sendable, Equatable {
    /// Position of the task in the task file.
    public var index: Int
    public var id: String
    public var sha256: String
    /// Markdown shown in the prompt pane (the shared context).
    public var promptText: String { prompt.text }
    /// Markdown of canonical response A and B (for conversations: the turns after the
    /// part both conversations share).
    public var responseA: String { a.text }
    public var responseB: String { b.text }
    /// Whether canonical response A is shown on the left (Response 1).
    public var leftIsA: Bool
    /// Markdown of the turns before the judged reply in conversation A and B, drawn above
    /// it in the response pane and scrolled past when the task opens ("" for none).
    public var earlierA: String { aEarlier.text }
    public var earlierB: String { bEarlier.text }
    /// The user turn whose reply is judged, for a conversation of more than one turn.
    public var judgedTurn: JudgedTurn?
    /// A batch's swapped-side repeat of a task this rater labeled before: recorded with
    /// `"repeat": true`, never announced on screen.
    public var isRepeat = false

    /// The texts with their layouts (kept with the task, so its lines are laid out once).
    public let prompt: PaneText
    private let a, b, aEarlier, bEarlier: PaneText

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
    /// `"A"` or `"B"`: which canonical response is on the left, as recorded in `left`.
    public var leftSide: ResponseSide { leftIsA ? .a : .b }
}
