import NIOCore
import NIOSSH
import PreferCore

/// Public-key authentication against the raters file, for one connection.
///
/// NIOSSH checks the signature over the session before asking (a key the client merely
/// offers is never enough); this delegate then accepts only the exact key listed for the
/// user name the client gave, so `bo@host` with ana's key is refused. Passwords and "none"
/// are refused without being looked at. The rater the connection proved to be is kept here
/// for its channels: identity comes from the key, never from anything else the client sends.
final class RaterAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    private let keys: [String: NIOSSHPublicKey]
    /// Set once a signed request succeeded.
    private(set) var rater: RaterName?

    init(keys: [String: NIOSSHPublicKey]) {
        self.keys = keys
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        guard case .publicKey(let offered) = request.request,
              let expected = keys[request.username], expected == offered.publicKey,
              let name = try? RaterName(request.username) else {
            responsePromise.succeed(.failure)
            return
        }
        rater = name
        responsePromise.succeed(.success)
    }
}
