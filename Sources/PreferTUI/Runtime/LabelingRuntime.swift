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
