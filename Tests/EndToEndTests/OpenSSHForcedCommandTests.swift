import Foundation
import XCTest
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// The OpenSSH path of SPEC §11: a real `sshd` (Debian's openssh-server) started by the test
/// on a loopback port with its own config and host key, reading an `authorized_keys` made by
/// `prefer raters add`. The service account is the account running the tests; the system's
/// sshd and its config are not touched.
final class OpenSSHForcedCommandTests: XCTestCase {
    private let pause: useconds_t = 450_000
    private var daemon: BackgroundProgram?

    override func setUpWithError() throws {
        try SSHFixture.require(SSHFixture.ssh, SSHFixture.sshKeygen, SSHFixture.sshd)
    }

    override func tearDown() {
        daemon?.signal(SIGTERM)
        _ = daemon?.waitForExit(timeout: 5)
        daemon = nil
    }

    /// The sshd settings docs/SSH.md recommends for a labeling host, with the test's own
    /// files. `StrictModes no` only because the test's folders live under /tmp (1777).
    private func startDaemon(_ workspace: Workspace, authorizedKeys: String) throws -> Int {
        if getuid() == 0 {
            // sshd (as root) insists on its privilege separation folder; the package's
            // service start would make it. Created only when missing, nothing else changes.
            mkdir("/run/sshd", 0o755)
        }
        let hostKey = workspace.path("sshd_host_key")
        XCTAssertEqual(try ChildProcess.run([SSHFixture.sshKeygen, "-q", "-t", "ed25519", "-N", "", "-f", hostKey]).status, 0)
        try workspace.write("sshd_config", """
            ListenAddress 127.0.0.1
            AuthorizedKeysFile \(authorizedKeys)
            AuthenticationMethods publickey
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            PermitTTY yes
            DisableForwarding yes
            AllowTcpForwarding no
            AllowAgentForwarding no
            AllowStreamLocalForwarding no
            X11Forwarding no
            PermitTunnel no
            PermitUserRC no
            PermitUserEnvironment no
            MaxAuthTries 3
            UsePAM no
            StrictModes no
            PidFile \(workspace.path("sshd.pid"))

            """)
        let port = SSHFixture.freePort()
        let program = try BackgroundProgram(
            [SSHFixture.sshd, "-D", "-e", "-f", workspace.path("sshd_config"), "-p", String(port), "-h", hostKey],
            log: workspace.path("sshd.log"), directory: workspace.root)
        daemon = program
        XCTAssertTrue(program.waitForLog("Server listening on 127.0.0.1 port \(port)"), "sshd did not start:\n" + program.logText)
        return port
    }

    private func addRater(_ workspace: Workspace, _ name: String, key: String) throws -> PreferBinary.Result {
        try PreferBinary.run(["raters", "add", name, "--key", key + ".pub", "--batch", SSHFixture(workspace: workspace).writeBatch(), "--sessions", "sessions",
                              "--authorized-keys", workspace.path("authorized_keys")], in: workspace.root)
    }

    /// The service account: the one running the tests.
    private var account: String { AccountName.of(getuid()) }

    func testTheKeyAloneDecidesTheRaterWhateverTheClientAsksToRun() throws {
        let workspace = try Workspace()
        let fixture = SSHFixture(workspace: workspace)
        let ana = try fixture.makeKey("ana")
        let bo = try fixture.makeKey("bo")
        XCTAssertEqual(try addRater(workspace, "ana", key: ana).status, 0)
        XCTAssertEqual(try addRater(workspace, "bo", key: bo).status, 0)
        let list = try PreferBinary.run(["raters", "list", "--authorized-keys", workspace.path("authorized_keys")], in: workspace.root)
        XCTAssertEqual(list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] }, ["ana", "bo"])
        var status = stat()
        XCTAssertEqual(stat(workspace.path("authorized_keys"), &status), 0)
        XCTAssertEqual(status.st_mode & 0o7777, 0o600)
        let port = try startDaemon(workspace, authorizedKeys: workspace.path("authorized_keys"))

        // Ana asks for a shell command; she gets her labeling screen, as ana.
        let tmux = try TmuxSession(fixture.sshCommand(user: account, key: ana, port: port, options: ["-t"], remote: ["/bin/sh", "-c", "cat /etc/passwd"]),
                                   cols: 100, rows: 30, directory: workspace.root)
        defer { tmux.kill() }
        tmux.waitFor("Question number 1?")
        XCTAssertTrue(tmux.screen()[0].hasPrefix(" prefer · ana · "), tmux.screen()[0])
        XCTAssertFalse(tmux.screen().joined().contains("root:x:0"))
        usleep(pause)
        try tmux.type("1")
        tmux.waitFor("1/6")
        // A resize reaches the screen through sshd too.
        try tmux.resize(cols: 120, rows: 30)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && tmux.screen()[0].count != 119 { usleep(50_000) }
        XCTAssertEqual(tmux.screen()[0].count, 119, tmux.screen()[0])

        // A second connection with the same key: the rater's lock refuses it.
        let second = try TmuxSession(fixture.sshCommand(user: account, key: ana, port: port, options: ["-t"]), directory: workspace.root)
        defer { second.kill() }
        XCTAssertEqual(second.exitStatus(), 1, "label exits 1 (a runtime refusal)")
        second.waitFor("already has a sitting open")

        // The connection drops: the sitting ends with session_end.
        guard let client = tmux.commandPID() else { return XCTFail("no ssh pid") }
        kill(client, SIGKILL)
        let ends = workspace.waitForEvents("session_end", count: 1, rater: "ana", timeout: 15)
        XCTAssertEqual(ends.first?["reason"] as? String, "hangup")
        XCTAssertEqual(workspace.events(ofType: "label", rater: "ana").map { $0["task"] as? String }, ["task-1"])
        XCTAssertEqual(Set(workspace.events(rater: "ana").compactMap { $0["rater"] as? String }), ["ana"])
        XCTAssertTrue(workspace.sessionFiles(rater: "bo").isEmpty)

        // Bo's key is bo, whatever login name or command is sent.
        let boScreen = try TmuxSession(fixture.sshCommand(user: account, key: bo, port: port, options: ["-t"], remote: ["bash"]),
                                       cols: 100, rows: 30, directory: workspace.root)
        defer { boScreen.kill() }
        boScreen.waitFor("Question number 1?")
        XCTAssertTrue(boScreen.screen()[0].hasPrefix(" prefer · bo · "), boScreen.screen()[0])
        try boScreen.type("q")
        XCTAssertEqual(boScreen.exitStatus(), 0)
    }

    func testNoOtherWayInWorks() throws {
        let workspace = try Workspace()
        let fixture = SSHFixture(workspace: workspace)
        let ana = try fixture.makeKey("ana")
        let stranger = try fixture.makeKey("stranger")
        XCTAssertEqual(try addRater(workspace, "ana", key: ana).status, 0)
        let port = try startDaemon(workspace, authorizedKeys: workspace.path("authorized_keys"))

        // A key nobody added, and a password: refused.
        let unknown = try fixture.runSSH(fixture.sshCommand(user: account, key: stranger, port: port, options: ["-o", "BatchMode=yes"], remote: ["id"]))
        XCTAssertEqual(unknown.status, 255)
        let password = try fixture.runSSH(fixture.sshCommand(user: account, key: nil, port: port, options: [
            "-o", "BatchMode=yes", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive"], remote: ["id"]))
        XCTAssertEqual(password.status, 255)
        // exec without a terminal: the forced command runs instead, finds no terminal and
        // ends; the file is never read.
        let exec = try fixture.runSSH(fixture.sshCommand(user: account, key: ana, port: port, remote: ["cat", "/etc/passwd"]))
        XCTAssertNotEqual(exec.status, 0)
        XCTAssertFalse(exec.stdout.contains("root:"), exec.stdout)
        // -W / -L: forwarding is off (restrict, DisableForwarding).
        let stdio = try fixture.runSSH(fixture.sshCommand(user: account, key: ana, port: port, options: ["-W", "127.0.0.1:\(port)"]))
        XCTAssertEqual(stdio.status, 255)
        let local = SSHFixture.freePort()
        let tunnel = try BackgroundProgram(
            fixture.sshCommand(user: account, key: ana, port: port, options: ["-N", "-L", "127.0.0.1:\(local):127.0.0.1:\(port)"]),
            log: workspace.path("tunnel.log"), directory: workspace.root)
        defer { tunnel.signal(SIGKILL) }
        usleep(1_500_000)
        XCTAssertFalse(SSHFixture.firstBytes(port: local).starts(with: Array("SSH-2.0".utf8)), "the forward reached its target")
        XCTAssertTrue(workspace.sessionFiles(rater: "ana").isEmpty, "no refused path opened a sitting")
    }
}
