import Glibc
import Synchronization

/// The first ending signal received, or 0. A lock-free atomic store is async-signal-safe,
/// which is why the handler does nothing else.
private let receivedSignal = Atomic<Int32>(0)

/// The handler for every watched signal: it only records the first signal number.
private let recordSignal: @convention(c) (Int32) -> Void = { signalNumber in
    _ = receivedSignal.compareExchange(expected: 0, desired: signalNumber, ordering: .sequentiallyConsistent)
}

/// Turns SIGHUP, SIGTERM, SIGINT and SIGQUIT into a flag the label loop polls between reads.
///
/// SIGWINCH and SIGTSTP are deliberately left alone: ncurses owns them (KEY_RESIZE, and
/// suspend/resume with the screen restored). Installing before `newterm` also stops ncurses
/// from putting its own SIGINT/SIGTERM handler in place, which would `exit` without letting
/// the runtime write `session_end`.
public enum SignalMonitor {
    /// The signals that end a sitting.
    static let watchedSignals: [Int32] = [SIGHUP, SIGTERM, SIGINT, SIGQUIT]

    /// Installs the handlers and ignores SIGPIPE; calling it again is harmless.
    public static func install() {
        // Globals are initialized lazily through swift_once, which is not async-signal-safe;
        // touching both here makes sure a handler never runs an initializer.
        _ = receivedSignal.load(ordering: .sequentiallyConsistent)
        let handler = recordSignal
        for signalNumber in watchedSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocking read is interrupted, so the loop sees the flag at once.
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        // A closed pipe must be an EPIPE error the code can report, never a silent death.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The reason to end the sitting, if an ending signal has arrived since the last reset.
    public static var pending: EndSignal? {
        EndSignal(signalNumber: receivedSignal.load(ordering: .sequentiallyConsistent))
    }

    /// Forgets a received signal (for tests, or a caller that chose to carry on).
    public static func reset() {
        receivedSignal.store(0, ordering: .sequentiallyConsistent)
    }
}
