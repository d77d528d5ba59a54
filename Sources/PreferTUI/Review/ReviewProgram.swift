import PreferCore

/// The review screen as a `ScreenProgram`, run by the same `ScreenRuntime` as `label`.
public struct ReviewProgram: ScreenProgram {
    public let keyMap: KeyMap

    public init(scale: Scale) {
        self.keyMap = ReviewKeys.keyMap(scale: scale)
    }

    public func action(for key: KeyEvent, in state: ReviewState) -> Action? {
        keyMap.action(for: key, in: state.keyContext)
    }

    public func reduce(_ state: inout ReviewState, _ action: Action, now: Int64) -> [Effect] {
        ReviewReducer.reduce(&state, action, now: now)
    }

    public func render(_ state: ReviewState) -> CellGrid { ReviewScreen.render(state) }

    public func start(_ state: inout ReviewState, size: TerminalSize) -> [Effect] {
        state.size = size
        return ReviewReducer.start(&state)
    }
}
