import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import PreferCore

/// `prefer serve`: an SSH server whose only service is the labeling screen.
///
/// Each TCP connection gets its own NIOSSH handler and `RaterAuthenticator`; an idle
/// connection (no byte from the client for `idleSeconds`) and one that has not
/// authenticated within `loginGraceSeconds` are closed; port forwarding channels
/// (`direct-tcpip`, `ssh -L`) are refused when they are opened, global requests (`ssh -R`)
/// always. A session channel runs `SittingChannelHandler`.
public final class LabelServer: @unchecked Sendable {
    /// Everything the server needs, checked before it starts.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var hostKey: HostKeyFile
        public var raters: RatersFile
        /// The launch of any rater (the rater is replaced by the one who authenticated).
        public var launch: LabelLaunch
        public var limits: ServeLimits
        /// The environment every sitting starts with (TERM comes from the client's pty).
        public var environment: [String: String]

        public init(host: String, port: Int, hostKey: HostKeyFile, raters: RatersFile, launch: LabelLaunch,
                    limits: ServeLimits, environment: [String: String]) {
            self.host = host
            self.port = port
            self.hostKey = hostKey
            self.raters = raters
            self.launch = launch
            self.limits = limits
            self.environment = environment
        }
    }

    /// Key types NIOSSH can verify (RSA is not among them).
    public static let supportedKeyTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    ]

    private let configuration: Configuration
    private let registry: SittingRegistry
    private let group: MultiThreadedEventLoopGroup
    private var serverChannel: Channel?
    private let keys: [String: NIOSSHPublicKey]

    public init(_ configuration: Configuration) throws(ServeError) {
        self.configuration = configuration
        registry = SittingRegistry(maximumConnections: configuration.limits.connections)
        var keys: [String: NIOSSHPublicKey] = [:]
        for entry in configuration.raters.entries {
            guard let key = try? NIOSSHPublicKey(openSSHPublicKey: entry.key.text) else {
                throw .listen(address: configuration.raters.path, reason: "line \(entry.line): NIOSSH cannot read this \(entry.key.type) key")
            }
            keys[entry.rater.value] = key
        }
        self.keys = keys
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, System.coreCount))
    }

    /// Binds the listening socket; returns the port (useful with port 0).
    public func start() throws(ServeError) -> Int {
        let configuration = configuration
        let registry = registry
        let keys = keys
        let hostKey = configuration.hostKey.sshKey
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                guard registry.openConnection() else {
                    return channel.close()
                }
                channel.closeFuture.whenComplete { _ in registry.closeConnection() }
                return channel.eventLoop.makeCompletedFuture {
                    let authenticator = RaterAuthenticator(keys: keys)
                    var server = SSHServerConfiguration(
                        hostKeys: [hostKey], userAuthDelegate: authenticator, globalRequestDelegate: RefuseGlobalRequests())
                    server.maxAuthAttempts = configuration.limits.nioAuthRequests
                    let loopBound = NIOLoopBound(authenticator, eventLoop: channel.eventLoop)
                    let handler = NIOSSHHandler(
                        role: .server(server), allocator: channel.allocator,
                        inboundChildChannelInitializer: { child, type in
                            Self.initialize(child, type: type, rater: loopBound.value.rater, configuration: configuration, registry: registry)
                        })
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: .seconds(Int64(configuration.limits.idleSeconds))),
                        handler,
                        ConnectionGuard(),
                    ])
                    channel.eventLoop.scheduleTask(in: .seconds(Int64(configuration.limits.loginGraceSeconds))) {
                        if loopBound.value.rater == nil { channel.close(promise: nil) }
                    }
                }
            }
        do {
            let channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
            serverChannel = channel
            return channel.localAddress?.port ?? configuration.port
        } catch {
            throw .listen(address: "\(configuration.host):\(configuration.port)", reason: "\(error)")
        }
    }

    /// Sets up one SSH channel: a session of an authenticated rater gets the labeling
    /// screen; anything else (`direct-tcpip` for `ssh -L`, a channel before authentication)
    /// is refused.
    private static func initialize(_ channel: Channel, type: SSHChannelType, rater: RaterName?,
                                   configuration: Configuration, registry: SittingRegistry) -> EventLoopFuture<Void> {
        guard case .session = type, let rater else {
            return channel.eventLoop.makeFailedFuture(ChannelRefused())
        }
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(SittingChannelHandler(
                rater: rater, launch: configuration.launch.forRater(rater), registry: registry,
                baseEnvironment: configuration.environment))
        }
    }

    /// Graceful stop: no new connections; every sitting is hung up and ends with
    /// `session_end` (waiting up to `timeout` seconds); then the connections close. Returns
    /// how many sittings did not end in time.
    public func stop(timeout: Double = 20) -> Int {
        try? serverChannel?.close().wait()
        let left = registry.hangUpAllAndWait(timeout: timeout)
        // Let the exit-status messages leave before the connections go.
        Thread.sleep(forTimeInterval: 0.2)
        try? group.syncShutdownGracefully()
        return left
    }
}
