import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Real SSH programs for the end-to-end tests of SPEC §11: keys from `ssh-keygen`, a
/// `prefer serve` or a private `sshd` on a loopback port, and `ssh` command lines for tmux.
final class SSHFixture {
    let workspace: Workspace
    let knownHosts: String

    static let ssh = "/usr/bin/ssh"
    static let sshKeygen = "/usr/bin/ssh-keygen"
    static let sshd = "/usr/sbin/sshd"

    /// Skips the test (with the reason) when a program is genuinely absent; CI installs them.
    static func require(_ programs: String...) throws {
        for program in programs where !FileManager.default.isExecutableFile(atPath: program) {
            throw XCTSkip("\(program) is not installed (Debian: openssh-client / openssh-server; .ci/run installs them)")
        }
    }

    init(workspace: Workspace) {
        self.workspace = workspace
        knownHosts = workspace.path("known_hosts")
    }

    /// The batch both SSH paths serve: the workspace's six tasks in file order, enough
    /// overlap that every rater of a test gets every task (SPEC §10).
    func writeBatch() throws -> String {
        try workspace.write("batch.toml", """
            name = "ssh-e2e"
            tasks = "tasks.jsonl"
            guideline = "guide.md"
            overlap = 30
            order = "file"

            """)
        return "batch.toml"
    }

    /// The event types of a rater's files without the batch's `shown` claims.
    func labelingEvents(_ rater: String) -> [String] {
        workspace.events(rater: rater).compactMap { $0["type"] as? String }.filter { $0 != "shown" }
    }

    /// Makes an Ed25519 key pair `NAME_key` / `NAME_key.pub` in the workspace; returns the
    /// private key's path.
    @discardableResult
    func makeKey(_ name: String) throws -> String {
        let path = workspace.path("\(name)_key")
        let result = try ChildProcess.run([Self.sshKeygen, "-q", "-t", "ed25519", "-N", "", "-C", "\(name)@test", "-f", path])
        XCTAssertEqual(result.status, 0, "ssh-keygen failed")
        return path
    }

    func publicKey(_ name: String) throws -> String {
        try String(contentsOfFile: workspace.path("\(name)_key.pub"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A raters file for `prefer serve` listing `names`, each with her own key.
    func writeRatersFile(_ names: [String]) throws -> String {
        var text = "# test raters\n"
        for name in names {
            if !FileManager.default.fileExists(atPath: workspace.path("\(name)_key")) { try makeKey(name) }
            text += "\(name) \(try publicKey(name))\n"
        }
        try workspace.write("raters.txt", text)
        return workspace.path("raters.txt")
    }

    /// `ssh` as a rater types it, with no user configuration and no agent, trusting the test
    /// host key on first use into the workspace's own known_hosts.
    func sshCommand(user: String, key: String?, port: Int, options: [String] = [], remote: [String] = []) -> [String] {
        var argv = [Self.ssh, "-F", "/dev/null", "-p", String(port),
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=\(knownHosts)",
                    "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "IdentityAgent=none"]
        if let key { argv += ["-i", key, "-o", "IdentitiesOnly=yes"] }
        return argv + options + ["\(user)@127.0.0.1"] + remote
    }

    /// Runs ssh without a terminal (stdin /dev/null), for the refusals: status and stdout.
    func runSSH(_ argv: [String]) throws -> ChildProcess.Output {
        try ChildProcess.run(argv)
    }

    /// A free TCP port on 127.0.0.1 (bound and released: a tiny race, fine for tests).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Connects to 127.0.0.1:`port`, sends nothing, and tells whether the server closes the
    /// connection within `seconds` (end of file after its banner).
    static func closesWithin(port: Int, seconds: Double) -> Bool {
        let fd = connected(port)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { return false }
            if poller.revents == 0 { continue }
            if read(fd, &buffer, buffer.count) <= 0 { return true }
        }
        return false
    }

    /// A TCP socket connected to 127.0.0.1:`port`, or -1.
    static func connected(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if status != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// Connects to 127.0.0.1:`port` and returns the first bytes that arrive within `timeout`
    /// seconds (empty when the peer closes at once or says nothing).
    static func firstBytes(port: Int, timeout: Double = 3) -> [UInt8] {
        let fd = connected(port)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(fd, &buffer, buffer.count)
        return count > 0 ? Array(buffer[0..<count]) : []
    }
}

/// A background program with stderr in a log file (`prefer serve`, `sshd`), started with
/// posix_spawn and reaped with waitpid (see `ChildProcess` on Foundation's `Process`).
final class BackgroundProgram {
    let pid: pid_t
    let log: String
    private(set) var exitStatus: Int32?

    init(_ argv: [String], log: String, directory: String) throws {
        self.log = log
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var child: pid_t = 0
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(directory)
        let spawned = posix_spawn(&child, argv[0], &actions, nil, cArgs, environ)
        FileManager.default.changeCurrentDirectoryPath(previous)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
    }

    var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// Waits until the log holds `text`.
    func waitForLog(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if logText.contains(text) { return true }
            if waitForExit(timeout: 0) != nil { return logText.contains(text) }
            usleep(50_000)
        }
        return false
    }

    /// The exit status (128 + signal for a signal), or nil if still running after `timeout`.
    func waitForExit(timeout: TimeInterval) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus
            }
            usleep(50_000)
        } while Date() < deadline
        return nil
    }

    func signal(_ number: Int32) { kill(pid, number) }
}
