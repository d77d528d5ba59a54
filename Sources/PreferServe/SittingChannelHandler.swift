import NIOCore
import NIOSSH
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// One SSH session channel: a PTY and a shell request open the rater's labeling screen;
/// everything else a session can ask for is refused.
///
/// - exec (`ssh host cat /etc/passwd`) and subsystems (sftp) get a failure reply and the
///   channel is closed: the rater never chooses what runs.
/// - a shell without a PTY is refused (the screen needs a terminal: `ssh -t`).
/// - a second sitting of the same rater is told and closed.
/// - window changes go to the pty; the client's EOF or a closed channel hang the sitting up.
/// - agent and X11 forwarding requests are unknown to NIOSSH and answered with a failure.
final class SittingChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let rater: RaterName
    private let launch: LabelLaunch
    private let registry: SittingRegistry
    private let baseEnvironment: [String: String]
    private var terminal: (term: String, columns: Int, rows: Int)?
    private var clientEnvironment: [String: String] = [:]
    private var child: PseudoTerminalChild?
    private var claimed = false

    init(rater: RaterName, launch: LabelLaunch, registry: SittingRegistry, baseEnvironment: [String: String]) {
        self.rater = rater
        self.launch = launch
        self.registry = registry
        self.baseEnvironment = baseEnvironment
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data else { return }
        child?.send(Array(bytes.readableBytesView))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            guard child == nil else { return reply(context, request.wantReply, ok: false) }
            terminal = (Self.safeTerm(request.term), request.terminalCharacterWidth, request.terminalRowHeight)
            reply(context, request.wantReply, ok: true)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = Self.passedVariables.contains(request.name) && Self.isSafeValue(request.value)
            if accepted { clientEnvironment[request.name] = request.value }
            reply(context, request.wantReply, ok: accepted)
        case let request as SSHChannelRequestEvent.ShellRequest:
            openSitting(context, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(context, request.wantReply, "prefer serve runs no commands; connect with `ssh -t` for the labeling screen")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, request.wantReply, "prefer serve has no subsystems (no sftp, no scp)")
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            terminal?.columns = request.terminalCharacterWidth
            terminal?.rows = request.terminalRowHeight
            child?.resize(rows: request.terminalRowHeight, columns: request.terminalCharacterWidth)
        case let event as ChannelEvent where event == .inputClosed:
            child?.hangUp()
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A dropped connection or a closed channel: the labeling screen gets the hang-up a
        // terminal would give, and ends its sitting with session_end.
        child?.hangUp()
        if claimed && child == nil { registry.ended(rater.value, child: nil) }
        context.fireChannelInactive()
    }

    private func openSitting(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard child == nil, !claimed else { return refuse(context, wantReply, "this channel already has a sitting") }
        guard let terminal else {
            return tell(context, wantReply, "the labeling screen needs a terminal: connect with `ssh -t`")
        }
        guard registry.claim(rater.value) else {
            return tell(context, wantReply, "\(rater.value) already has a sitting open (another connection); finish it first")
        }
        claimed = true
        var environment = baseEnvironment.merging(clientEnvironment) { _, client in client }
        environment["TERM"] = terminal.term
        let started: PseudoTerminalChild
        do {
            started = try PseudoTerminalChild(
                arguments: launch.arguments, environment: environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                rows: terminal.rows, columns: terminal.columns)
        } catch {
            claimed = false
            registry.ended(rater.value, child: nil)
            return tell(context, wantReply, "could not start the labeling screen: \(error)")
        }
        child = started
        registry.started(started)
        reply(context, wantReply, ok: true)
        let channel = context.channel
        let registry = registry
        let rater = rater.value
        started.start(
            output: { bytes in
                // One channel write per read of the pty: nothing waits for more.
                var buffer = channel.allocator.buffer(capacity: bytes.count)
                buffer.writeBytes(bytes)
                channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
            },
            ended: { exit in
                registry.ended(rater, child: started)
                let request: any Sendable & Hashable
                switch exit {
                case .status(let code): request = SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code))
                case .signal(let number):
                    request = SSHChannelRequestEvent.ExitSignal(
                        signalName: Self.signalName(number), errorMessage: "", language: "", dumpedCore: false)
                }
                channel.triggerUserOutboundEvent(request).whenComplete { _ in channel.close(promise: nil) }
            })
    }

    /// A request refused outright (exec, subsystem): a failure reply (OpenSSH's client then
    /// says "exec request failed" and exits 255), the reason on stderr, the channel closed.
    private func refuse(_ context: ChannelHandlerContext, _ wantReply: Bool, _ reason: String) {
        reply(context, wantReply, ok: false)
        end(context, reason)
    }

    /// A shell that cannot become a sitting: the shell request is accepted so that the client
    /// stays to print the reason, then exit status 1 and the channel closed.
    private func tell(_ context: ChannelHandlerContext, _ wantReply: Bool, _ reason: String) {
        reply(context, wantReply, ok: true)
        end(context, reason)
    }

    /// The reason on the client's stderr, exit status 1, and the channel closed.
    private func end(_ context: ChannelHandlerContext, _ reason: String) {
        var buffer = context.channel.allocator.buffer(capacity: reason.utf8.count + 20)
        buffer.writeString("prefer serve: \(reason)\r\n")
        let channel = context.channel
        channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool, ok: Bool) {
        guard wantReply else { return }
        if ok {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Variables a client may set (OpenSSH sends LANG and LC_* with `SendEnv`); nothing that
    /// could change what runs (no PATH, LD_*, HOME).
    static let passedVariables: Set<String> = ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "NO_COLOR", "COLORTERM"]

    static func isSafeValue(_ value: String) -> Bool {
        value.utf8.count <= 64 && value.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "._-@+".utf8.contains(byte)
        }
    }

    /// The client's TERM when it is a plain terminal name, else `vt100` (the labeling screen
    /// then checks it like any other).
    static func safeTerm(_ term: String) -> String {
        !term.isEmpty && isSafeValue(term) ? term : "vt100"
    }

    /// The RFC 4254 §6.10 name of a signal (SIGKILL → "KILL"); signals outside its list
    /// are sent as "KILL", the closest meaning: the sitting was ended from outside.
    static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [
            SIGABRT: "ABRT", SIGALRM: "ALRM", SIGFPE: "FPE", SIGHUP: "HUP", SIGILL: "ILL", SIGINT: "INT",
            SIGKILL: "KILL", SIGPIPE: "PIPE", SIGQUIT: "QUIT", SIGSEGV: "SEGV", SIGTERM: "TERM",
            SIGUSR1: "USR1", SIGUSR2: "USR2",
        ]
        return names[number] ?? "KILL"
    }
}
