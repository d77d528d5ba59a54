import NIOCore
import PreferCore

/// Closes a connection that went idle or whose SSH layer failed (a bad packet, a client that
/// gave up, too many authentication attempts): nothing of it is worth keeping.
final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = Any

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Said on the server's stderr so that a lead can tell why a rater was dropped. One case
        // is known: NIOSSH 0.15.1 cannot parse an `x11-req` (`ssh -X`, `ForwardX11 yes`) and
        // fails the connection; X11 is refused either way, but the rater must connect without -X.
        let peer = context.channel.remoteAddress.map { "\($0)" } ?? "a client"
        var reason = "\(error)"
        if reason.contains("invalidPacketFormat") { reason += " (an X11 forwarding request, ssh -X, is the known cause)" }
        _ = StandardStream.error.write("prefer: connection from \(peer) closed: \(reason)\n")
        context.close(promise: nil)
    }
}
