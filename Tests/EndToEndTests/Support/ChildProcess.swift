import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (tmux, sha256sum) with posix_spawn and waitpid. Foundation's
/// `Process` was seen to miss the exit of `tmux new-session -d`, whose server forks away
/// while the client exits, and then hung the test forever.
enum ChildProcess {
    struct Output {
        var status: Int32
        var stdout: String
    }

    /// Runs `argv` (looked up in PATH) with stdin and stderr on /dev/null; stdout is read
    /// to its end when `capture` is set, else also /dev/null.
    static func run(_ argv: [String], capture: Bool = true) throws -> Output {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeFDs: [Int32] = [-1, -1]
        if capture {
            guard pipe(&pipeFDs) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
        if capture { close(pipeFDs[1]) }
        guard spawned == 0 else {
            if capture { close(pipeFDs[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        var data = [UInt8]()
        if capture {
            // Read with a deadline: a forked server that kept the pipe would otherwise block us.
            let deadline = Date().addingTimeInterval(10)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                var poller = pollfd(fd: pipeFDs[0], events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 200) >= 0 else { break }
                if poller.revents == 0 { continue }
                let n = read(pipeFDs[0], &buffer, buffer.count)
                if n <= 0 { break }
                data += buffer[0..<n]
            }
            close(pipeFDs[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exitCode, stdout: String(decoding: data, as: UTF8.self))
    }
}
