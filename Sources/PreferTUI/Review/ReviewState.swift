import PreferCore

/// The whole state of the review screen: a value, changed only by `ReviewReducer`.
public struct ReviewState: Sendable, Equatable {
    /// What the screen is doing, which also decides how keys are read.
    public enum Mode: Sendable, Equatable {
        case reviewing
        /// Typing the note that goes with the next verdict.
        case editingNote(String)
        /// Typing a search over the queue (task ids and the raters' notes).
        case searching(String)
        case help
        /// Saving failed or a task could not be read: the sitting is over.
        case failed(String)
    }

    public var config: ReviewConfig
    public var size: TerminalSize
    public var mode: Mode = .reviewing
    /// The contested items in review order (`ReviewQueue`).
    public var items: [ReviewItem]
    /// The item on screen.
    public var position: Int
    /// The texts of `items[position]`, once loaded.
    public var current: LoadedTask?
    /// Clock time (ms) at which the current item appeared; verdicts wait out the guard.
    public var shownAt: Int64 = 0
    /// A verdict or undo handed to the runtime and not yet confirmed on disk.
    public var pendingRecord: SessionEventBody?
    /// The note that will go with the verdict on the current item.
    public var note: String?
    public var fieldWasCut = false
    public var verdictsThisSitting = 0
    public var focus: ReviewPane = .prompt
    public var scroll: [ReviewPane: Int] = [:]
    public var guidelineVisible = false
    public var lastSearch: String?
    public var message: AppState.StatusMessage?

    /// Opens at `position`, normally `ReviewQueue.resumePosition(items)`.
    public init(config: ReviewConfig, size: TerminalSize, items: [ReviewItem], position: Int) {
        self.config = config
        self.size = size
        self.items = items
        self.position = items.isEmpty ? 0 : min(max(0, position), items.count - 1)
    }

    /// The item on screen, if the queue is not empty.
    public var item: ReviewItem? { items.indices.contains(position) ? items[position] : nil }

    /// How many items of the queue have a verdict in effect.
    public var adjudicatedCount: Int { items.filter { $0.verdict != nil }.count }

    /// Where the screen reads keys from now (the label screen's contexts; `done` is an
    /// empty queue).
    public var keyContext: KeyContext {
        if !ScreenLayout.fits(size) { return .tooSmall }
        switch mode {
        case .reviewing: return items.isEmpty ? .done : .labeling
        case .editingNote, .searching: return .textInput
        case .help: return .help
        case .failed: return .failed
        }
    }

    /// The panes that can take focus now, in `Tab` order; only the guideline while it
    /// covers the item.
    public var focusablePanes: [ReviewPane] {
        guidelineVisible ? [.guideline] : [.prompt, .responseA, .responseB, .votes]
    }
}

extension ReviewState: ScreenState {
    var restingMode: Mode { .reviewing }
    static let nextShown = "the item", records = "verdicts"
}

extension ReviewState.Mode: ScreenMode {
    var openField: (isNote: Bool, text: String)? {
        switch self {
        case .editingNote(let text): (true, text)
        case .searching(let text): (false, text)
        default: nil
        }
    }

    var isFailed: Bool { if case .failed = self { true } else { false } }
}
