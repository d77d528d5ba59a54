/// The limits of `prefer serve`, each a command-line flag.
public struct ServeLimits: Sendable {
    /// Connections open at once (authenticated or not); more are closed on accept.
    public var connections: Int
    /// Authentication attempts per connection, as sshd's MaxAuthTries counts them (one
    /// offered key or one password); NIOSSH counts every request, so it is given
    /// `2 * authTries + 1` (each key is a probe and a signed request, plus the first "none").
    public var authTries: Int
    /// Seconds without a byte from the client before the connection is closed.
    public var idleSeconds: Int
    /// Seconds a connection may take to authenticate.
    public var loginGraceSeconds: Int

    public init(connections: Int = 64, authTries: Int = 6, idleSeconds: Int = 1800, loginGraceSeconds: Int = 60) {
        self.connections = connections
        self.authTries = authTries
        self.idleSeconds = idleSeconds
        self.loginGraceSeconds = loginGraceSeconds
    }

    /// The request count NIOSSH stops at.
    var nioAuthRequests: Int { 2 * authTries + 1 }
}
