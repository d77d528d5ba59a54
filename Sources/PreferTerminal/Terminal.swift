import CNcursesw
import Glibc
import PreferTUI
import Synchronization

/// True while a screen is up, so the exit hook knows whether the terminal still needs restoring.
private let screenIsUp = Atomic<Bool>(false)
/// Whether `restoreAtExit` has been registered with atexit (once per process).
private let exitHookInstalled = Atomic<Bool>(false)

/// Restores the terminal when the process exits with the screen still up (an `exit` on an
/// error path), so the rater's shell is never left without echo.
private let restoreAtExit: @convention(c) () -> Void = {
    if screenIsUp.exchange(false, ordering: .sequentiallyConsistent) {
        BracketedPaste.stop()
        endwin()
    }
}

/// The labeling screen on `/dev/tty`: paints `CellGrid`s, reads keys, notices resizes and hangups.
///
/// This is the only type that talks to ncurses. Layout never asks it anything but `size`; the
/// rest of the program sees `KeyEvent`s and hands back whole grids.
@MainActor
public final class Terminal: LabelingScreen {
    let window: UnsafeMutablePointer<WINDOW>
    let colorsEnabled: Bool
    /// The last frame drawn, for diffing; nil forces a full repaint.
    var previousFrame: CellGrid?
    /// Set by a resize or `redrawAll`: the next `present` draws every cell.
    var repaintEverything = true
    /// Set by `redrawAll`: the next `present` also clears the physical screen first.
    var clearPhysicalScreen = false
    /// True once the terminal is gone or closed; drawing and reading stop touching ncurses.
    var isInactive: Bool { isGone || isClosed }

    private let screen: OpaquePointer
    private let tty: UnsafeMutablePointer<FILE>
    private let ttyDescriptor: Int32
    private var hangupDetector = HangupDetector()
    private var isGone = false
    private var isClosed = false
    private var appliedTimeout: Int32?
    private var lastKnownSize: TerminalSize

    /// Opens the screen on `/dev/tty`, refusing a missing, dumb or unknown TERM and a locale
    /// that cannot be made UTF-8 before anything is drawn.
    public static func open(noColor: Bool) throws(TerminalError) -> Terminal {
        let term = try TerminalEnvironment.checkedTermName(getenv("TERM").map { String(cString: $0) })
        try TerminalEnvironment.selectUTF8Locale()
        // Before newterm: ncurses only installs its own SIGINT/SIGTERM handlers (which exit
        // without letting the runtime write session_end) where the handler is still the default.
        // Refuse an unknown TERM before anything else, even without a terminal: setupterm only
        // reads terminfo here (stderr is just the descriptor it may ask for a size).
        try TerminalEnvironment.probeTerminfo(term: term, fileDescriptor: STDERR_FILENO)
        SignalMonitor.install()
        // /dev/tty rather than stdin/stdout: stdout stays free and a redirect cannot blind us.
        // "e": close-on-exec, so no child process inherits the rater's terminal.
        guard let tty = fopen("/dev/tty", "r+e") else {
            throw .noTerminalDevice(reason: String(cString: strerror(errno)))
        }
        let descriptor = fileno(tty)
        // Unlike initscr, newterm returns nil on a bad TERM instead of printing and exiting.
        guard let screen = newterm(nil, tty, tty), let window = prefer_stdscr() else {
            fclose(tty)
            throw .screenDidNotStart(term: term)
        }
        // Before the modes below are set: the suspend it does leaves them to the real terminal.
        OutputBatching.enable(ttyDescriptor: descriptor)
        // cbreak, not raw: ISIG stays on, so Ctrl-C is SIGINT and Ctrl-Z suspends through
        // ncurses' own SIGTSTP handler, which restores the screen on fg.
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        CursorKeySequences.register()
        intrflush(window, false)
        // Long enough for an arrow key's ESC O A over SSH, short enough that Esc feels instant.
        set_escdelay(25)
        curs_set(0)
        let colors = !noColor && has_colors() && start_color() == OK
        if colors {
            // Pair 1 is the accent; -1 keeps the rater's own background where the terminal allows.
            if use_default_colors() == OK {
                init_pair(1, Int16(COLOR_CYAN), -1)
            } else {
                init_pair(1, Int16(COLOR_CYAN), Int16(COLOR_BLACK))
            }
        }
        PasteReader.register()
        // After newterm, which installed the SIGTSTP handler this wraps (off on suspend, on after fg).
        BracketedPaste.start(ttyDescriptor: descriptor)
        screenIsUp.store(true, ordering: .sequentiallyConsistent)
        if !exitHookInstalled.exchange(true, ordering: .sequentiallyConsistent) {
            atexit(restoreAtExit)
        }
        return Terminal(screen: screen, window: window, tty: tty, descriptor: descriptor, colors: colors)
    }

    private init(
        screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>,
        tty: UnsafeMutablePointer<FILE>, descriptor: Int32, colors: Bool
    ) {
        self.screen = screen
        self.window = window
        self.tty = tty
        self.ttyDescriptor = descriptor
        self.colorsEnabled = colors
        self.lastKnownSize = TerminalSize(cols: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    isolated deinit {
        close()
    }

    /// The screen size in cells, as ncurses last learned it.
    public var size: TerminalSize {
        if !isInactive {
            lastKnownSize = TerminalSize(cols: Int(getmaxx(window)), rows: Int(getmaxy(window)))
        }
        return lastKnownSize
    }

    /// Waits up to `timeoutMs` (≤ 200 keeps signals prompt; 0 only looks; negative blocks)
    /// for one key, a resize, or evidence that the terminal is gone.
    public func readInput(timeoutMs: Int) -> ScreenInput {
        if isInactive { return .closed }
        let timeout = Int32(clamping: max(timeoutMs, -1))
        let started = ContinuousClock.now
        switch readRaw(timeout: timeout) {
        case .character(let code):
            hangupDetector.noteSuccess()
            return .key(KeyDecoder.character(code))
        case .function(let key):
            hangupDetector.noteSuccess()
            if key == PasteReader.startCode {
                return .key(.paste(readPaste()))
            }
            if key == KEY_RESIZE {
                // ncurses has already resized its screen; the old frame no longer matches it.
                repaintEverything = true
                return .resize(size)
            }
            return .key(KeyDecoder.functionKey(key))
        case .nothing(let errorNumber):
            let elapsed = started.duration(to: .now)
            let elapsedMs = Int(elapsed.components.seconds) * 1000
                + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
            let gone = hangupDetector.noteFailure(
                elapsedMs: elapsedMs, timeoutMs: Int(timeout),
                errorNumber: errorNumber, pollEvents: pollTerminal())
            if gone {
                isGone = true
                return .closed
            }
            return .timeout
        }
    }

    /// What one read gave: a character (code point), a function key, or nothing (with errno).
    private enum RawRead {
        case character(UInt32)
        case function(Int32)
        case nothing(errorNumber: Int32)
    }

    /// Reads one key with `wgetch` (bytes, function keys decoded by ncurses) and assembles
    /// UTF-8 here, where an undecodable byte can become U+FFFD instead of an error.
    private func readRaw(timeout: Int32) -> RawRead {
        applyTimeout(timeout)
        errno = 0
        let code = wgetch(window)
        let errorNumber = errno
        if code == ERR { return .nothing(errorNumber: errorNumber) }
        if code > 0xFF || code < 0 { return .function(code) }
        let byte = UInt8(code)
        guard byte >= 0x80 else { return .character(UInt32(byte)) }
        var sequence = UTF8Sequence(lead: byte)
        while sequence.needsMore {
            applyTimeout(UTF8Sequence.continuationWaitMs)
            let next = wgetch(window)
            if next == ERR { break }
            guard next >= 0, next <= 0xFF, UTF8Sequence.isContinuation(UInt8(next)) else {
                // Not part of this character: it is read again as the next key.
                ungetch(next)
                break
            }
            sequence.append(UInt8(next))
        }
        return .character(sequence.scalar)
    }

    private func applyTimeout(_ timeout: Int32) {
        if appliedTimeout != timeout {
            wtimeout(window, timeout)
            appliedTimeout = timeout
        }
    }

    /// Discards keys typed but not yet read, so type-ahead never labels a task the rater has not seen.
    public func flushPendingInput() {
        if !isInactive { flushinp() }
    }

    /// Makes the next `present` clear the physical screen and draw every cell again.
    public func redrawAll() {
        repaintEverything = true
        clearPhysicalScreen = true
    }

    /// Ends the screen and restores the terminal; safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        screenIsUp.store(false, ordering: .sequentiallyConsistent)
        // After a hangup these fail with EIO; there is nothing left to restore then.
        BracketedPaste.stop()
        endwin()
        delscreen(screen)
        fclose(tty)
    }

    /// Reads the rest of a bracketed paste, up to its end marker: the text as one event, so
    /// no pasted character is ever taken for a key. Gives up when the end marker does not
    /// come (a terminal that dropped it) or the terminal goes away.
    private func readPaste() -> String {
        var reader = PasteReader()
        while true {
            switch readRaw(timeout: Int32(PasteReader.silenceMs)) {
            case .character(let code):
                reader.append(character: code)
            case .function(let key):
                if key == PasteReader.endCode { return reader.text }
                if key == KEY_RESIZE { repaintEverything = true }
                // Any other decoded key inside a paste is pasted bytes, not a key: dropped.
            case .nothing(let errorNumber):
                let hangupBits = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
                if errorNumber == EIO || pollTerminal() & hangupBits != 0 {
                    isGone = true
                    return reader.text
                }
                if reader.noteSilence() { return reader.text }
            }
        }
    }

    /// The tty's poll events right now, to tell a hung-up terminal from a quiet one.
    private func pollTerminal() -> Int16 {
        var entry = pollfd(fd: ttyDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) >= 0 else { return 0 }
        return entry.revents
    }
}
