import Crypto
import Foundation
import PreferCore

/// The unencrypted `openssh-key-v1` format (`-----BEGIN OPENSSH PRIVATE KEY-----`) for an
/// Ed25519 key, as `ssh-keygen -t ed25519 -N ''` writes it (PROTOCOL.key in OpenSSH's
/// sources), so that the host key of `prefer serve` can be inspected with
/// `ssh-keygen -lf` and a key made by ssh-keygen can be used as it is.
enum OpenSSHPrivateKeyFormat {
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    private static let keyType = "ssh-ed25519"

    /// The wire form of the public half: `string "ssh-ed25519", string key`.
    static func publicBlob(_ key: Curve25519.Signing.PublicKey) -> [UInt8] {
        var blob = SSHWire()
        blob.string(Array(keyType.utf8))
        blob.string(Array(key.rawRepresentation))
        return blob.bytes
    }

    /// The PEM-like text of `key`.
    static func encode(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        var secret = SSHWire()
        let check = UInt32.random(in: .min ... .max)
        secret.uint32(check)
        secret.uint32(check)
        secret.string(Array(keyType.utf8))
        secret.string(publicKey)
        secret.string(Array(key.rawRepresentation) + publicKey)
        secret.string(Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.bytes.append(pad)
            pad += 1
        }
        var whole = SSHWire()
        whole.bytes = magic
        whole.string(Array("none".utf8))
        whole.string(Array("none".utf8))
        whole.string([])
        whole.uint32(1)
        whole.string(publicBlob(key.publicKey))
        whole.string(secret.bytes)
        let base64 = Data(whole.bytes).base64EncodedString()
        var lines = [begin]
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key in `text`; only an unencrypted Ed25519 key is accepted.
    static func decode(_ text: String) throws(HostKeyError) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.lastIndex(of: end), first < last else {
            throw .format("not an OpenSSH private key (no \(begin) line)")
        }
        guard let data = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw .format("the key's base64 does not decode")
        }
        var reader = SSHWireReader(bytes: [UInt8](data))
        guard reader.take(magic.count) == magic else { throw .format("not an openssh-key-v1 key") }
        guard reader.string() == Array("none".utf8), reader.string() == Array("none".utf8) else {
            throw .format("the key is encrypted; prefer serve needs a key without a passphrase")
        }
        _ = reader.string()
        guard reader.uint32() == 1 else { throw .format("the file must hold exactly one key") }
        _ = reader.string()
        guard let secretBytes = reader.string() else { throw .format("the key is cut short") }
        var secret = SSHWireReader(bytes: secretBytes)
        guard let check1 = secret.uint32(), let check2 = secret.uint32(), check1 == check2 else {
            throw .format("the key's check numbers differ (damaged, or encrypted)")
        }
        guard secret.string() == Array(keyType.utf8) else {
            throw .format("only ssh-ed25519 host keys are supported")
        }
        guard let publicKey = secret.string(), let both = secret.string(), both.count == 64, publicKey.count == 32 else {
            throw .format("the ed25519 key has the wrong length")
        }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: both[0..<32]),
              Array(key.publicKey.rawRepresentation) == publicKey else {
            throw .format("the private and public halves do not belong together")
        }
        return key
    }
}
