import PreferCore

/// The labeling screen run by the one `ScreenRuntime` loop.
public typealias LabelingRuntime = ScreenRuntime<LabelingProgram>

extension ScreenRuntime where Program == LabelingProgram {
    /// A labeling sitting over `state` (the key map follows the state's scale).
    public convenience init(state: AppState, screen: LabelingScreen, tasks: TaskSource, sink: LabelSink,
                            clock: @escaping () -> Int64, pendingEnd: @escaping () -> SessionEndReason?,
                            pollMs: Int = 200) {
        self.init(program: LabelingProgram(keyMap: KeyMap(scale: state.config.scale)), state: state,
                  screen: screen, tasks: tasks, sink: sink, clock: clock, pendingEnd: pendingEnd, pollMs: pollMs)
    }
}

/// The labeling screen as a `ScreenProgram`: `AppState`, `KeyMap`, `Reducer`, `Screen`.
public struct LabelingProgram: ScreenProgram {
    public let keyMap: KeyMap

    public init(keyMap: KeyMap) {
        self.keyMap = keyMap
    }

    public func action(for key: KeyEvent, in state: AppState) -> Action? {
        keyMap.action(for: key, in: state.keyContext)
    }

    public func action(for event: RuntimeEvent) -> Action { Action(event) }

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
