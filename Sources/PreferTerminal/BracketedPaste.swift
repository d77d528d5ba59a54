import Glibc
import Synchronization

/// The tty descriptor while bracketed paste is on, or -1. Atomic, because the SIGTSTP wrapper
/// and the exit hook read it.
private let pasteDescriptor = Atomic<Int32>(-1)

/// The SIGTSTP action ncurses installed in `newterm`, written once before the wrapper is
/// installed and only read afterwards (also from the handler).
nonisolated(unsafe) private var previousSuspendAction = sigaction()

private let enableSequence: [UInt8] = Array("\u{1b}[?2004h".utf8)
private let disableSequence: [UInt8] = Array("\u{1b}[?2004l".utf8)

/// Writes the mode switch with write(2) only, so it is safe in a signal handler.
private func writeMode(on: Bool) {
    let fd = pasteDescriptor.load(ordering: .sequentiallyConsistent)
    guard fd >= 0 else { return }
    (on ? enableSequence : disableSequence).withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
}

/// Turns the mode off, lets ncurses' handler give the screen back and stop the process,
/// and turns the mode on again once that handler has redrawn after `fg`.
private let suspendWrapper: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    signalNumber, info, context in
    writeMode(on: false)
    let previous = previousSuspendAction
    if previous.sa_flags & SA_SIGINFO != 0 {
        previous.__sigaction_handler.sa_sigaction?(signalNumber, info, context)
    } else if let handler = previous.__sigaction_handler.sa_handler {
        handler(signalNumber)
    }
    writeMode(on: true)
}

/// Bracketed paste (`ESC[?2004h`): on while the screen is up, so a paste reaches us as one
/// `ESC[200~ … ESC[201~` event and never as keys; off on every way out (quit, hang-up,
/// SIGTERM, an error, `exit`) and while the process is suspended, so the rater's shell never
/// receives bracketed pastes it did not ask for.
enum BracketedPaste {
    /// Turns the mode on and wraps the SIGTSTP handler ncurses installed (if it did: it only
    /// does where the handler was the default).
    static func start(ttyDescriptor: Int32) {
        pasteDescriptor.store(ttyDescriptor, ordering: .sequentiallyConsistent)
        writeMode(on: true)
        var current = sigaction()
        guard sigaction(SIGTSTP, nil, &current) == 0 else { return }
        let installed = current.sa_flags & SA_SIGINFO != 0
            ? current.__sigaction_handler.sa_sigaction != nil
            : isHandler(current.__sigaction_handler.sa_handler)
        guard installed else { return }
        previousSuspendAction = current
        var wrapper = sigaction()
        wrapper.__sigaction_handler.sa_sigaction = suspendWrapper
        wrapper.sa_mask = current.sa_mask
        wrapper.sa_flags = (current.sa_flags & ~Int32(bitPattern: UInt32(SA_RESETHAND))) | SA_SIGINFO
        sigaction(SIGTSTP, &wrapper, nil)
    }

    /// Turns the mode off; safe to call more than once and from the exit hook.
    static func stop() {
        writeMode(on: false)
        pasteDescriptor.store(-1, ordering: .sequentiallyConsistent)
    }

    /// Whether a plain handler is a function rather than SIG_DFL or SIG_IGN.
    private static func isHandler(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        guard let handler else { return false }
        let address = unsafeBitCast(handler, to: Int.self)
        return address != 0 && address != 1  // SIG_DFL is 0, SIG_IGN is 1
    }
}
