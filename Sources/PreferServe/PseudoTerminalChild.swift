import CPseudoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `prefer label` process on its own pseudo terminal, and the thread that moves bytes
/// between the pty and the SSH channel.
///
/// Output is forwarded as it arrives: each `read` of the pty master becomes one call of
/// `output` (one SSH channel write), with no timer or coalescing, so a frame the labeling
/// screen writes in one `write` leaves in one packet. Keystrokes queue in `pending` and are
/// written by the same thread when the pty accepts them (a large paste never blocks the
/// event loop). The thread ends when the pty reports EIO (every copy of the terminal closed,
/// i.e. the sitting ended), then reaps the child and reports how it ended.
final class PseudoTerminalChild: @unchecked Sendable {
    /// How the process ended.
    enum Exit: Sendable, Equatable {
        case status(Int32)
        case signal(Int32)
    }

    let pid: pid_t
    /// Seconds between SIGHUP and SIGKILL for a child that does not end by itself.
    static let hangupGrace: Double = 10

    private let lock = NSLock()
    // Guarded by `lock`.
    private var master: Int32
    private var pending: [UInt8] = []
    private var reaped = false
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// Starts `arguments[0]` with `arguments` and `environment` (`NAME=value`) on a new pty.
    init(arguments: [String], environment: [String], rows: Int, columns: Int) throws(ServeError) {
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { throw .system(operation: "create a pipe", code: errno) }
        for fd in pipeFDs {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        var masterFD: Int32 = -1
        var childPID: pid_t = 0
        let code = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environment) { envp in
                prefer_pty_spawn(argv[0], argv, envp, Self.clamp(rows), Self.clamp(columns), &masterFD, &childPID)
            }
        }
        guard code == 0 else {
            close(wakeRead)
            close(wakeWrite)
            throw .system(operation: "start \(arguments[0]) on a pseudo terminal", code: code)
        }
        master = masterFD
        pid = childPID
    }

    /// Starts the thread that forwards output and, once the sitting's terminal is gone,
    /// reports the exit.
    func start(output: @escaping @Sendable ([UInt8]) -> Void, ended: @escaping @Sendable (Exit) -> Void) {
        let thread = Thread { [self] in
            pump(output: output)
            ended(reap())
        }
        thread.name = "prefer-serve-pty-\(pid)"
        thread.start()
    }

    /// Queues keystrokes for the pty.
    func send(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        // After the pump closed the master the wake pipe may be closed too: nothing to do.
        guard master >= 0 else { return }
        pending += bytes
        wake()
    }

    /// Passes a window change on (the kernel sends SIGWINCH to the labeling screen).
    func resize(rows: Int, columns: Int) {
        lock.lock()
        defer { lock.unlock() }
        if master >= 0 { _ = prefer_pty_resize(master, Self.clamp(rows), Self.clamp(columns)) }
    }

    /// Sends SIGHUP to the sitting's process group, as a terminal hang-up would, and
    /// SIGKILL after `hangupGrace` seconds if it is still there.
    func hangUp() {
        signal(SIGHUP)
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.hangupGrace) { [self] in signal(SIGKILL) }
    }

    /// Signals the process group unless the child was reaped (its pid may be reused then).
    private func signal(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if !reaped { _ = kill(-pid, number) }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    /// Moves bytes until the pty reports that the sitting's side is closed.
    private func pump(output: @Sendable ([UInt8]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var scratch = [UInt8](repeating: 0, count: 256)
        let fd = master
        while true {
            lock.lock()
            let wantsOut = !pending.isEmpty
            lock.unlock()
            var fds = [
                pollfd(fd: fd, events: Int16(POLLIN) | (wantsOut ? Int16(POLLOUT) : 0), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 {
                while read(wakeRead, &scratch, scratch.count) > 0 {}
            }
            if fds[1].revents != 0 || fds[0].revents & Int16(POLLOUT) != 0 {
                flushPending(fd)
            }
            if fds[0].revents & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    output(Array(buffer[0..<count]))
                } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                    continue
                } else {
                    break  // EIO: every descriptor of the terminal's other side is closed.
                }
            }
        }
        lock.lock()
        close(master)
        master = -1
        pending = []
        lock.unlock()
    }

    private func flushPending(_ fd: Int32) {
        lock.lock()
        defer { lock.unlock() }
        while !pending.isEmpty {
            let count = pending.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if count > 0 {
                pending.removeFirst(count)
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count < 0 && errno != EAGAIN { pending = [] }  // EIO: the sitting is gone.
                return
            }
        }
    }

    /// Waits for the child, marks it reaped under the lock (so no signal can reach a reused
    /// pid) and says how it ended.
    private func reap() -> Exit {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        lock.lock()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        close(wakeRead)
        close(wakeWrite)
        lock.unlock()
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        if status & 0x7F == 0 { return .status((status >> 8) & 0xFF) }
        return .signal(status & 0x7F)
    }

    private static func clamp(_ value: Int) -> UInt16 { UInt16(clamping: max(0, min(value, 4096))) }

    /// Runs `body` with a NULL-terminated C array of `strings`.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
