import ArgumentParser
import Foundation
import PreferCore
import PreferServe

/// `prefer serve`: the built-in SSH server of SPEC §11 (the `PreferServe` target). This file
/// only reads options, checks the input files and reports; the server lives there.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the labeling screen over SSH: raters log in with their key, and get nothing but their sitting.",
        discussion: """
        The raters file has one rater per line: NAME and her OpenSSH public key, e.g.
          ana ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… ana@laptop
        A rater connects with `ssh -t -p 2222 ana@HOST` and labels as ana. Public keys only
        (ssh-ed25519, ecdsa); no shell, no commands, no forwarding (docs/SSH.md).
        The host key is created (0600) when the file is missing; its fingerprint is printed.
        SIGTERM or SIGINT: every sitting is hung up and ends with session_end, then exit 0.

        Examples:
          prefer serve --batch batch-07.toml --listen 0.0.0.0:2222 --host-key /srv/labels/host_key --raters raters.txt
          prefer serve --tasks tasks.jsonl --listen 127.0.0.1:0 --host-key key --raters raters.txt --sessions out/
        """
    )

    @OptionGroup var sitting: SittingOptions

    @Option(name: .long, help: ArgumentHelp("Address and port to listen on (port 0: any free port, printed).", valueName: "host:port"))
    var listen: String = "127.0.0.1:2222"

    @Option(name: .customLong("host-key"), help: ArgumentHelp("The server's Ed25519 host key (OpenSSH format; created 0600 if missing).", valueName: "file"))
    var hostKey: String

    @Option(name: .long, help: ArgumentHelp("Who may log in: `NAME <openssh public key>` per line.", valueName: "file"))
    var raters: String

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Connections at once; more are closed on arrival.", valueName: "n"))
    var maxConnections: Int = ServeLimits().connections

    @Option(name: .customLong("max-auth-tries"), help: ArgumentHelp("Keys or passwords a connection may try.", valueName: "n"))
    var maxAuthTries: Int = ServeLimits().authTries

    @Option(name: .customLong("idle-seconds"), help: ArgumentHelp("Seconds without a byte from the client before a connection is closed (its sitting ends).", valueName: "n"))
    var idleSeconds: Int = ServeLimits().idleSeconds

    @Option(name: .customLong("login-grace"), help: ArgumentHelp("Seconds a connection has to authenticate.", valueName: "n"))
    var loginGrace: Int = ServeLimits().loginGraceSeconds

    func validate() throws {
        guard maxConnections >= 1, maxAuthTries >= 1, idleSeconds >= 1, loginGrace >= 1 else {
            throw ValidationError("--max-connections, --max-auth-tries, --idle-seconds and --login-grace must be at least 1")
        }
        _ = try Self.address(listen)
    }

    func run() throws {
        let (host, port) = try Self.address(listen)
        let ratersFile = try CommandFailure.asBadInput {
            try RatersFile(path: raters, allowedTypes: LabelServer.supportedKeyTypes)
        }
        // Every listed rater must be admitted by the batch; each sitting is started for whoever
        // authenticated (`forRater`).
        let launch = try sitting.launch(for: ratersFile.entries.map(\.rater))
        let key = try CommandFailure.asBadInput { try HostKeyFile(path: hostKey) }
        let limits = ServeLimits(connections: maxConnections, authTries: maxAuthTries,
                                 idleSeconds: idleSeconds, loginGraceSeconds: loginGrace)
        // Blocked before any server thread exists, so every thread inherits the mask and the
        // signal waits for `sigwait` (children get a clean mask in prefer_pty_spawn).
        var stopSignals = Self.stopSignals()
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        let (server, boundPort) = try CommandFailure.asRuntime {
            let server = try LabelServer(.init(host: host, port: port, hostKey: key, raters: ratersFile, launch: launch,
                                               limits: limits, environment: Self.sittingEnvironment()))
            return (server, try server.start())
        }
        if key.created { Diagnostics.note("prefer: created host key \(hostKey) (mode 0600)") }
        Diagnostics.note("prefer: host key \(key.fingerprint) (ED25519)")
        Diagnostics.note("prefer: serving \(ratersFile.entries.count) raters on \(host):\(boundPort); raters connect with: ssh -t -p \(boundPort) NAME@\(host)")
        var number: Int32 = 0
        sigwait(&stopSignals, &number)
        let stopped = number == SIGINT ? "SIGINT" : number == SIGHUP ? "SIGHUP" : "SIGTERM"
        Diagnostics.note("prefer: \(stopped): hanging up every sitting")
        let left = server.stop()
        if left > 0 {
            throw CommandFailure.runtime("\(left) sittings did not end in time and were killed")
        }
        Diagnostics.note("prefer: stopped")
    }

    /// `host:port` (IPv6 in brackets: `[::1]:2222`).
    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen \(text): give host:port, e.g. 127.0.0.1:2222")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen \(text): the host is missing, e.g. 0.0.0.0:\(port)") }
        return (host, port)
    }

    /// What every sitting's environment starts with: the server's locale, HOME and account,
    /// and a fixed PATH; nothing else of the server's environment reaches a rater's process.
    static func sittingEnvironment() -> [String: String] {
        let mine = ProcessInfo.processInfo.environment
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        for name in ["LANG", "LC_ALL", "LC_CTYPE", "HOME", "USER", "LOGNAME", "NO_COLOR"] {
            if let value = mine[name] { environment[name] = value }
        }
        return environment
    }

    /// SIGTERM, SIGINT and SIGHUP: each stops the server gracefully.
    static func stopSignals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&set, number) }
        return set
    }
}
