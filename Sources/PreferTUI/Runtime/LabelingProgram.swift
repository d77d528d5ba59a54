/// The labeling screen as a `ScreenProgram`: `AppState`, `KeyMap`, `Reducer`, `Screen`.
public struct LabelingProgram: ScreenProgram {
    public let keyMap: KeyMap

    public init(keyMap: KeyMap) {
        self.keyMap = keyMap
    }

    public func action(for key: KeyEvent, in state: AppState) -> Action? {
        keyMap.action(for: key, in: state.keyContext)
    }

    public func reduce(_ state: inout AppState, _ action: Action, now: Int64) -> [Effect] {
        Reducer.reduce(&state, action, now: now)
    }

    public func render(_ state: AppState) -> CellGrid { Screen.render(state) }

    /// The first task: the router's for a batch sitting, else the queue's; the done screen
    /// when nothing is left.
    public func start(_ state: inout AppState, size: TerminalSize) -> [Effect] {
        state.size = size
        if state.config.routed { return [.loadNext] }
        guard !state.queue.isEmpty else {
            state.mode = .done
            return []
        }
        return [.loadTask(index: state.queue.removeFirst())]
    }
}
