import PreferCore

/// What a full-screen program (the labeling screen, the review screen) gives the one
/// `ScreenRuntime` loop: its state, how keys and runtime outcomes become its actions, its
/// pure reducer and its pure renderer. Effects are the shared `Effect`, so the durable
/// write of a record lives in the runtime once for every screen.
@MainActor
public protocol ScreenProgram {
    associatedtype State: Sendable & Equatable
    associatedtype ProgramAction: Sendable & Equatable

    /// The action a key stands for in the state's current context, or nil.
    func action(for key: KeyEvent, in state: State) -> ProgramAction?
    /// The action that tells the reducer what the runtime saw or did.
    func action(for event: RuntimeEvent) -> ProgramAction
    func reduce(_ state: inout State, _ action: ProgramAction, now: Int64) -> [Effect]
    func render(_ state: State) -> CellGrid
    /// Takes the terminal's size and returns the effects that open the first screen.
    func start(_ state: inout State, size: TerminalSize) -> [Effect]
}

/// What the runtime reports to a program's reducer: terminal events and effect outcomes.
public enum RuntimeEvent: Sendable, Equatable {
    case resize(cols: Int, rows: Int)
    /// No input arrived for a while: time-limited messages may expire.
    case tick
    case taskLoaded(LoadedTask)
    case loadFailed(String)
    /// A batch router has nothing left for this rater; `progress` says how far the batch is.
    case nothingLeft(progress: String)
    case saved(SessionEventBody)
    case saveFailed(String)
    /// The session file was removed or replaced mid-sitting.
    case sessionFileLost(String)
    /// The terminal hung up or a signal asked us to stop.
    case endRequested(SessionEndReason)
}
