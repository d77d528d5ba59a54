import Glibc

/// Decides from the evidence around a failed read whether the terminal is gone.
///
/// After a hangup, `wget_wch` returns ERR at once instead of waiting out its timeout; treating
/// that as a plain timeout would make the label loop spin at 100% CPU. A read is conclusive when
/// errno is EIO or the tty polls as hung up; otherwise several reads in a row that failed much
/// sooner than their timeout (EOF, which polls as readable but yields nothing) mean the same.
struct HangupDetector: Sendable {
    /// Early failures in a row that count as a closed terminal; a signal can cause one or two.
    static let earlyFailureLimit = 5

    private(set) var consecutiveEarlyFailures = 0

    /// Forgets earlier failures; called whenever a read succeeds.
    mutating func noteSuccess() {
        consecutiveEarlyFailures = 0
    }

    /// Records a failed read and answers whether the terminal should now be treated as closed.
    /// - Parameters:
    ///   - elapsedMs: how long the read took.
    ///   - timeoutMs: the timeout it was given (negative: block forever).
    ///   - errorNumber: errno right after the read (cleared before it).
    ///   - pollEvents: `revents` of a zero-timeout `poll` on the tty for POLLIN.
    mutating func noteFailure(elapsedMs: Int, timeoutMs: Int, errorNumber: Int32, pollEvents: Int16) -> Bool {
        let hangupBits = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        if errorNumber == EIO || pollEvents & hangupBits != 0 { return true }
        // A zero or tiny timeout always "fails early"; only a real wait says something.
        let isEarly: Bool
        if timeoutMs < 0 {
            isEarly = true
        } else if timeoutMs >= 20 {
            isEarly = elapsedMs < timeoutMs / 2
        } else {
            isEarly = false
        }
        if !isEarly {
            consecutiveEarlyFailures = 0
            return false
        }
        consecutiveEarlyFailures += 1
        return consecutiveEarlyFailures >= Self.earlyFailureLimit
    }
}
