import PreferCore

/// What the label and the review screen's states have alike: a mode with the one-line note
/// and search fields and a failed end, the record awaiting its write, the status message,
/// and panes that take focus and scroll. What the screens do alike with these parts is
/// written once, in `ScreenState+Fields` and `ScreenState+Reactions`.
protocol ScreenState {
    associatedtype Mode: ScreenMode
    associatedtype PaneID: Hashable
    var mode: Mode { get set }
    /// The mode a closed field, help or a dismissed failure goes back to.
    var restingMode: Mode { get }
    var fieldWasCut: Bool { get set }
    var lastSearch: String? { get set }
    var pendingRecord: SessionEventBody? { get set }
    /// The note that will go with the next label or verdict.
    var note: String? { get set }
    var message: AppState.StatusMessage? { get set }
    var focus: PaneID { get set }
    /// The panes that can take focus now, in `Tab` order.
    var focusablePanes: [PaneID] { get }
    var scroll: [PaneID: Int] { get set }
    /// What the failure messages call what is shown next and what is saved ("the next
    /// task", "labels").
    static var nextShown: String { get }
    static var records: String { get }
}

extension ScreenState {
    /// The scroll offset of a pane (first visible line).
    func offset(of pane: PaneID) -> Int { scroll[pane] ?? 0 }
}
