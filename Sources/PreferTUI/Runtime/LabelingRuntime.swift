import PreferCore

/// Runs a sitting: reads input, reduces, performs effects, draws. The rule "a choice is on
/// disk before the screen advances" lives here: `.record` is written (and fsynced by the
/// sink) before the reducer hears `.saved`, and only `.saved` moves to the next task.
@MainActor
public final class LabelingRuntime {
    public private(set) var state: AppState
    private let keyMap: KeyMap
    private let screen: LabelingScreen
    private let tasks: TaskSource
    private let sink: LabelSink
    private let clock: () -> Int64
    private let pendingEnd: () -> SessionEndReason?
    private let pollMs: Int

    /// - Parameters:
    ///   - clock: monotonic milliseconds.
    ///   - pendingEnd: a signal that arrived since the last poll (hangup, terminate), if any.
    public init(state: AppState, screen: LabelingScreen, tasks: TaskSource, sink: LabelSink,
                clock: @escaping () -> Int64, pendingEnd: @escaping () -> SessionEndReason?,
                pollMs: Int = 200) {
        self.state = state
        self.keyMap = KeyMap(scale: state.config.scale)
        self.screen = screen
        self.tasks = tasks
        self.sink = sink
        self.clock = clock
        self.pendingEnd = pendingEnd
        self.pollMs = pollMs
    }

    /// Loops until the sitting ends and returns why it ended.
    public func run() -> SessionEndReason {
        state.size = screen.size
        var effects: [Effect] = []
        if state.config.routed {
            effects.append(.loadNext)
        } else if !state.queue.isEmpty {
            effects.append(.loadTask(index: state.queue.removeFirst()))
        } else {
            state.mode = .done
        }
        if let reason = perform(effects) { return reason }
        screen.present(Screen.render(state))
        while true {
            let action: Action?
            if let reason = pendingEnd() {
                action = .endRequested(reason)
            } else {
                switch screen.readInput(timeoutMs: pollMs) {
                case .key(let key): action = keyMap.action(for: key, in: state.keyContext)
                case .resize(let size): action = .resize(cols: size.cols, rows: size.rows)
                case .timeout: action = .tick
                case .closed: action = .endRequested(.hangup)
                }
            }
            guard let action else { continue }
            let before = action == .tick ? state : nil
            let effects = Reducer.reduce(&state, action, now: clock())
            if let reason = perform(effects) { return reason }
            // A tick that expired nothing leaves the screen as it was: no redraw.
            if let before, before == state { continue }
            if effects.isEmpty, let reason = drainPendingInput() { return reason }
            screen.present(Screen.render(state))
        }
    }

    /// Most keys handled before one frame is drawn: a paste the terminal did not bracket,
    /// or a held key, then costs one redraw per batch instead of one per character (a
    /// redraw takes about a millisecond; a 1 MB paste used to freeze the screen for minutes).
    static let drainLimit = 65_536

    /// Handles keys that are already waiting (read without waiting) until none is left, a
    /// key has an effect (a choice must be drawn as saved before anything else is read), a
    /// signal is pending, or `drainLimit` keys were taken. Returns the quit reason if the
    /// sitting ended meanwhile.
    private func drainPendingInput() -> SessionEndReason? {
        for _ in 0..<Self.drainLimit {
            if pendingEnd() != nil { return nil }
            let action: Action?
            switch screen.readInput(timeoutMs: 0) {
            case .key(let key): action = keyMap.action(for: key, in: state.keyContext)
            case .resize(let size): action = .resize(cols: size.cols, rows: size.rows)
            case .timeout: return nil
            case .closed: action = .endRequested(.hangup)
            }
            guard let action else { continue }
            let effects = Reducer.reduce(&state, action, now: clock())
            if let reason = perform(effects) { return reason }
            if !effects.isEmpty { return nil }
        }
        return nil
    }

    /// Performs effects in order, feeding outcomes back to the reducer; returns the quit
    /// reason once a `.quit` has been performed.
    private func perform(_ initial: [Effect]) -> SessionEndReason? {
        var queue = initial
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            var outcome: Action?
            switch effect {
            case .record(let record):
                do {
                    try sink.write(record)
                    outcome = .saved(record)
                } catch let error as SessionWriteError where error.isFileGone {
                    outcome = .sessionFileLost(String(describing: error))
                } catch {
                    outcome = .saveFailed(String(describing: error))
                }
            case .loadTask(let index):
                do {
                    outcome = .taskLoaded(try tasks.load(index: index))
                } catch {
                    outcome = .loadFailed(String(describing: error))
                }
            case .loadRepeat(let index):
                do {
                    outcome = .taskLoaded(try tasks.loadRepeat(index: index))
                } catch {
                    outcome = .loadFailed(String(describing: error))
                }
            case .loadNext:
                do {
                    switch try tasks.next() {
                    case .task(let task): outcome = .taskLoaded(task)
                    case .nothingLeft(let progress): outcome = .nothingLeft(progress: progress)
                    }
                } catch {
                    outcome = .loadFailed(String(describing: error))
                }
            case .flushInput:
                screen.flushPendingInput()
            case .quit(let reason):
                try? sink.end(reason: reason)
                return reason
            }
            if let outcome {
                queue.append(contentsOf: Reducer.reduce(&state, outcome, now: clock()))
            }
        }
        return nil
    }
}
