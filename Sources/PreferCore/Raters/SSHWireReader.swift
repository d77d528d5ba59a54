/// Reads SSH wire encoding (RFC 4251 §5: big-endian `uint32`, length-prefixed `string`); nil
/// when the bytes run out. The one reader of it: public keys here, the host key in PreferServe.
public struct SSHWireReader {
    let bytes: [UInt8]
    var offset = 0

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    public mutating func uint32() -> UInt32? {
        take(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    public mutating func string() -> [UInt8]? {
        uint32().flatMap { take(Int($0)) }
    }
}
