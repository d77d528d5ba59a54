/// A channel type the server does not offer.
struct ChannelRefused: Error {}
