import PreferCore

/// What a full-screen program (the labeling screen, the review screen) gives the one
/// `ScreenRuntime` loop: its state, the `Action` a key stands for, its pure reducer (which
/// hears the terminal's events and the runtime's outcomes as `Action`s too) and its pure
/// renderer. Effects are the shared `Effect`, so the durable write of a record lives in the
/// runtime once for every screen.
@MainActor
public protocol ScreenProgram {
    associatedtype State: Sendable & Equatable

    /// The action a key stands for in the state's current context, or nil.
    func action(for key: KeyEvent, in state: State) -> Action?
    func reduce(_ state: inout State, _ action: Action, now: Int64) -> [Effect]
    func render(_ state: State) -> CellGrid
    /// Takes the terminal's size and returns the effects that open the first screen.
    func start(_ state: inout State, size: TerminalSize) -> [Effect]
}
