import CNcursesw
import Glibc

/// Makes ncurses send each frame in one write(2) (a few for a frame larger than its buffer).
///
/// ncurses 6.4 buffers its output, but `mvcur` also flushes after every cursor motion while
/// the screen is still in its initial state — one that only a suspend and resume ends
/// (`endwin`, then the next `doupdate` sets it running). A choice and the next task's frame
/// then left in ~140 writes at 120×40, each a packet over SSH. So right after `newterm` the
/// screen is suspended once, with the terminal's descriptor pointed at a throw-away pseudo
/// terminal so that nothing of that `endwin` (leaving the alternate screen, the shell's tty
/// modes) reaches the rater's terminal; the first frame resumes it. A pseudo terminal rather
/// than /dev/null because ncurses marks a screen whose tty calls fail with ENOTTY as "not a
/// tty" for good.
enum OutputBatching {
    /// Suspends the screen once, out of sight. Returns false (and leaves ncurses as it was,
    /// flushing per motion but otherwise fine) when no pseudo terminal can be had.
    @discardableResult
    static func enable(ttyDescriptor: Int32) -> Bool {
        // The start-up strings (alternate screen, scroll region, charsets) go to the real terminal first.
        doupdate()
        var master: Int32 = -1
        let standIn = prefer_open_pty_pair(&master)
        guard standIn >= 0 else { return false }
        defer {
            close(standIn)
            close(master)
        }
        let saved = fcntl(ttyDescriptor, F_DUPFD_CLOEXEC, 0)
        guard saved >= 0 else { return false }
        defer { close(saved) }
        guard dup2(standIn, ttyDescriptor) == ttyDescriptor else { return false }
        endwin()
        // dup2 clears close-on-exec; /dev/tty was opened with it so no child inherits the terminal.
        let restored = dup2(saved, ttyDescriptor) == ttyDescriptor
        _ = fcntl(ttyDescriptor, F_SETFD, FD_CLOEXEC)
        return restored
    }
}
