import Glibc

/// Why a signal says the sitting must end; maps onto `session_end.reason`.
public enum EndSignal: Sendable, Hashable {
    /// SIGHUP: the terminal or the SSH connection went away.
    case hangup
    /// SIGTERM: someone asked the process to stop.
    case terminated
    /// SIGINT (Ctrl-C) or SIGQUIT (Ctrl-\): the rater interrupted the sitting.
    case interrupted

    /// The reason a signal number stands for, or nil for a signal this monitor does not watch.
    init?(signalNumber: Int32) {
        switch signalNumber {
        case SIGHUP: self = .hangup
        case SIGTERM: self = .terminated
        case SIGINT, SIGQUIT: self = .interrupted
        default: return nil
        }
    }
}
