import PreferCore

/// Runs a sitting of any `ScreenProgram`: reads input, reduces, performs effects, draws.
/// The rule "a choice is on disk before the screen advances" lives here: `.record` is
/// written (and fsynced by the sink) before the reducer hears `.saved`, and only `.saved`
/// moves on.
@MainActor
public final class ScreenRuntime<Program: ScreenProgram> {
    public private(set) var state: Program.State
    private let program: Program
    private let screen: LabelingScreen
    private let tasks: TaskSource
    private let sink: LabelSink
    private let clock: () -> Int64
    private let pendingEnd: () -> SessionEndReason?
    private let pollMs: Int

    /// - Parameters:
    ///   - clock: monotonic milliseconds.
    ///   - pendingEnd: a signal that arrived since the last poll (hangup, terminate), if any.
    public init(program: Program, state: Program.State, screen: LabelingScreen, tasks: TaskSource,
                sink: LabelSink, clock: @escaping () -> Int64,
                pendingEnd: @escaping () -> SessionEndReason?, pollMs: Int = 200) {
        self.state = state
        self.program = program
        self.screen = screen
        self.tasks = tasks
        self.sink = sink
        self.clock = clock
        self.pendingEnd = pendingEnd
        self.pollMs = pollMs
    }

    /// Loops until the sitting ends and returns why it ended.
    public func run() -> SessionEndReason {
        let effects = program.start(&state, size: screen.size)
        if let reason = perform(effects) { return reason }
        screen.present(program.render(state))
        while true {
            let action: Action?
            if let reason = pendingEnd() {
                action = .endRequested(reason)
            } else {
                action = translate(screen.readInput(timeoutMs: pollMs))
            }
            guard let action else { continue }
            let isTick = action == .tick
            let before = isTick ? state : nil
            let effects = program.reduce(&state, action, now: clock())
            if let reason = perform(effects) { return reason }
            // A tick that expired nothing leaves the screen as it was: no redraw.
            if let before, before == state { continue }
            if effects.isEmpty, let reason = drainPendingInput() { return reason }
            screen.present(program.render(state))
        }
    }

    private func translate(_ input: ScreenInput) -> Action? {
        switch input {
        case .key(let key): return program.action(for: key, in: state)
        case .resize(let size): return .resize(cols: size.cols, rows: size.rows)
        case .timeout: return .tick
        case .closed: return .endRequested(.hangup)
        }
    }

    /// Most keys handled before one frame is drawn: a paste the terminal did not bracket,
    /// or a held key, then costs one redraw per batch instead of one per character (a
    /// redraw takes about a millisecond; a 1 MB paste used to freeze the screen for minutes).
    static var drainLimit: Int { 65_536 }

    /// Handles keys that are already waiting (read without waiting) until none is left, a
    /// key has an effect (a choice must be drawn as saved before anything else is read), a
    /// signal is pending, or `drainLimit` keys were taken. Returns the quit reason if the
    /// sitting ended meanwhile.
    private func drainPendingInput() -> SessionEndReason? {
        for _ in 0..<Self.drainLimit {
            if pendingEnd() != nil { return nil }
            let input = screen.readInput(timeoutMs: 0)
            if input == .timeout { return nil }
            guard let action = translate(input) else { continue }
            let effects = program.reduce(&state, action, now: clock())
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
                outcome = loaded { .task(try tasks.load(index: index)) }
            case .loadRepeat(let index):
                outcome = loaded { .task(try tasks.loadRepeat(index: index)) }
            case .loadNext:
                outcome = loaded { try tasks.next() }
            case .flushInput:
                screen.flushPendingInput()
            case .quit(let reason):
                try? sink.end(reason: reason)
                return reason
            }
            if let outcome {
                queue.append(contentsOf: program.reduce(&state, outcome, now: clock()))
            }
        }
        return nil
    }

    /// What a load tells the reducer: the task, that none is left, or why it failed.
    private func loaded(_ load: () throws -> NextTask) -> Action {
        do {
            switch try load() {
            case .task(let task): return .taskLoaded(task)
            case .nothingLeft(let progress): return .nothingLeft(progress: progress)
            }
        } catch {
            return .loadFailed(String(describing: error))
        }
    }
}
