import PreferCore

/// The whole state of the labeling screen: a value, changed only by `reduce`.
public struct AppState: Sendable, Equatable {
    /// What the screen is doing, which also decides how keys are read.
    public enum Mode: Sendable, Equatable {
        case labeling
        /// Typing a one-line note for the current task.
        case editingNote(String)
        /// Typing a guideline search.
        case searching(String)
        case help
        /// No task is left to show.
        case done
        /// Saving failed or a task could not be read: the sitting is over.
        case failed(String)
    }

    /// A one-line message above the key bar (a hint, a confirmation, an error). Every
    /// message goes at the next key; a confirmation about the task before (`Saved.`) also
    /// goes by itself at `expiresAt`, so it never seems to speak for the task now shown.
    public struct StatusMessage: Sendable, Equatable {
        /// How long a confirmation of the previous task stays on the next one.
        public static let confirmationMs: Int64 = 2000

        public var text: String
        public var isError: Bool
        /// Clock time (ms) after which the message is cleared; nil keeps it until a key.
        public var expiresAt: Int64?
        public init(_ text: String, isError: Bool = false, expiresAt: Int64? = nil) {
            self.text = text
            self.isError = isError
            self.expiresAt = expiresAt
        }
    }

    /// One label or skip made in this sitting, remembered so `u` can take it back.
    public struct HistoryEntry: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A label, with the note it carried (offered again if the label is undone).
            case label(note: String?)
            case skip
        }

        public var index: Int
        public var task: String
        public var kind: Kind
        /// The label or skip was of a batch repeat, so its undo says `"repeat": true`.
        public var isRepeat: Bool

        public init(index: Int, task: String, kind: Kind = .label(note: nil), isRepeat: Bool = false) {
            self.index = index
            self.task = task
            self.kind = kind
            self.isRepeat = isRepeat
        }
    }

    /// The note of a label just undone, given back to its task when that task is shown.
    public struct RetractedNote: Sendable, Equatable {
        public var index: Int
        public var note: String
    }

    public var config: LabelingConfig
    public var size: TerminalSize
    public var mode: Mode = .labeling

    /// Indices of the tasks still to show after the current one, in order.
    public var queue: [Int]
    public var current: LoadedTask?
    /// Clock time (ms) at which the current task appeared; choices measure from here.
    public var shownAt: Int64 = 0
    /// Clock time (ms) from which the choice guard runs again after a note was saved.
    public var choiceGuardFrom: Int64 = 0
    /// Tasks in the task file, and how many of them this rater has an effective label for.
    public var totalTasks: Int
    public var labeledCount: Int
    public var labeledThisSitting = 0
    public var skippedThisSitting = 0
    /// Sum of `ms` over this sitting's labels, for the time-left estimate.
    public var labelingMsThisSitting = 0
    public var history: [HistoryEntry] = []
    /// A record handed to the runtime and not yet confirmed on disk.
    public var pendingRecord: SessionEventBody?
    /// The note that will go with the current task's label.
    public var note: String?
    /// Set when typing or a paste ran into the note's or search's limit (the rest was left
    /// out), so the field can say so; cleared when the field opens, closes or loses a character.
    public var fieldWasCut = false
    /// The longest note, and the longest search, in characters.
    public static let noteLimit = 2000
    public static let searchLimit = 200
    /// Set by an undo whose label had a note, until the undone task is on screen again.
    public var retractedNote: RetractedNote?

    /// Tasks shown last in this sitting, with their layouts, so undo back to one of them
    /// (and on again) does not lay a huge response out again. Compared by content when a
    /// task is loaded, so a task file edited meanwhile is never shown from here.
    public var recentTasks: [LoadedTask] = []
    public static let recentTaskLimit = 2

    public var focus: Pane = .prompt
    public var scroll: [Pane: Int] = [:]
    /// The prompt and response panes the rater has seen to the end (for `--require-read`).
    public var readToEnd: Set<Pane> = []
    public var guidelineVisible: Bool
    public var lastSearch: String?
    /// The guideline line the last search found, highlighted.
    public var searchHit: Int?
    public var message: StatusMessage?
    /// A batch's router had nothing left for this rater: the done screen says so, with how
    /// far the whole batch is.
    public var batchProgress: String?
    /// Clock time (ms) the router last said nothing was left; the done screen asks again
    /// every `routeRecheckMs`, since claims expire and other raters undo.
    public var nothingLeftAt: Int64 = 0
    public static let routeRecheckMs: Int64 = 2000

    public init(config: LabelingConfig, size: TerminalSize, queue: [Int], totalTasks: Int,
                labeledCount: Int) {
        self.config = config
        self.size = size
        self.queue = queue
        self.totalTasks = totalTasks
        self.labeledCount = labeledCount
        self.guidelineVisible = ScreenLayout.isWide(size)
    }

    /// Where the screen reads keys from now.
    public var keyContext: KeyContext {
        if !ScreenLayout.fits(size) { return .tooSmall }
        switch mode {
        case .labeling: return current == nil ? .done : .labeling
        case .editingNote, .searching: return .textInput
        case .help: return .help
        case .done: return .done
        case .failed: return .failed
        }
    }

    /// The guideline is drawn over the prompt and both responses (narrow screens): nothing
    /// of the task can be seen, so nothing of it may be chosen or focused.
    public var guidelineCoversTask: Bool { guidelineVisible && !ScreenLayout.isWide(size) }

    /// The panes that can take focus now, in `Tab` order; never a pane hidden under the
    /// guideline overlay.
    public var focusablePanes: [Pane] {
        if guidelineCoversTask { return [.guideline] }
        var panes: [Pane] = [.prompt, .response1, .response2]
        if guidelineVisible { panes.append(.guideline) }
        return panes
    }
}

/// The terminal's size in cells.
public struct TerminalSize: Sendable, Equatable {
    public var cols: Int
    public var rows: Int
    public init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
    }
}

extension AppState: ScreenState {
    var restingMode: Mode { current == nil ? .done : .labeling }
    static let nextShown = "the next task", records = "labels"
}

extension AppState.Mode: ScreenMode {
    var openField: (isNote: Bool, text: String)? {
        switch self {
        case .editingNote(let text): (true, text)
        case .searching(let text): (false, text)
        default: nil
        }
    }

    var isFailed: Bool { if case .failed = self { true } else { false } }
}
