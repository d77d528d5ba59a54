import Crypto
import Foundation

/// One OpenSSH public key (`ssh-ed25519 AAAA… comment`), checked before it is trusted.
///
/// The key decides who a rater is (SPEC §11), so a key line is taken apart strictly: a known
/// type, base64 that decodes, and a blob whose own type name agrees with the written one.
/// The comment is dropped: it is the client's text and must never reach an
/// `authorized_keys` line or a terminal.
public struct OpenSSHPublicKey: Sendable, Hashable {
    /// The key type as written, e.g. `ssh-ed25519`.
    public let type: String
    /// The key blob, base64 as written (and checked to decode to `blob`).
    public let base64: String
    /// The decoded wire form of the key.
    public let blob: [UInt8]

    /// Key types OpenSSH accepts in `authorized_keys`.
    public static let knownTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// Parses `TYPE BASE64 [COMMENT]` (no options before the type).
    public init(parsing text: Substring) throws(OpenSSHPublicKeyError) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first else { throw .init("no key on this line") }
        guard Self.knownTypes.contains(first) else {
            if first.contains("=") || first.contains(",") || Self.optionWords.contains(first) {
                throw .init("options before the key are not allowed (prefer writes its own)")
            }
            throw .init("unknown key type \(JSONWriter.quoted(String(first.prefix(40))))")
        }
        guard fields.count >= 2 else { throw .init("\(first) key without its base64 part") }
        let encoded = fields[1]
        guard encoded.utf8.allSatisfy(Self.isBase64Byte), let data = Data(base64Encoded: encoded) else {
            throw .init("the \(first) key is not valid base64")
        }
        let blob = [UInt8](data)
        guard let named = Self.leadingString(blob), named == first else {
            throw .init("the key's data does not say it is a \(first) key")
        }
        if first == "ssh-ed25519", blob.count != 4 + 11 + 4 + 32 {
            throw .init("an ssh-ed25519 key has 32 bytes; this one does not")
        }
        type = first
        base64 = encoded
        self.blob = blob
    }

    /// `TYPE BASE64`, the form written into `authorized_keys` and raters files.
    public var text: String { "\(type) \(base64)" }

    /// `SHA256:…` as `ssh-keygen -lf` prints it (base64 without padding).
    public var fingerprint: String { Self.fingerprint(ofBlob: blob) }

    /// The fingerprint of a key blob in OpenSSH's `SHA256:` form.
    public static func fingerprint(ofBlob blob: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// Words that start an options field of an `authorized_keys` line without an `=`.
    private static let optionWords: Set<String> = [
        "restrict", "pty", "no-pty", "cert-authority", "no-port-forwarding", "no-agent-forwarding",
        "no-X11-forwarding", "no-user-rc", "port-forwarding", "agent-forwarding", "X11-forwarding",
        "user-rc", "no-touch-required", "verify-required",
    ]

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    /// The first SSH `string` of a blob (a big-endian length, then that many bytes).
    private static func leadingString(_ blob: [UInt8]) -> String? {
        var reader = SSHWireReader(bytes: blob)
        guard let name = reader.string(), name.count <= 64 else { return nil }
        return String(bytes: name, encoding: .utf8)
    }
}

/// Why a key line was refused (the caller adds `FILE:LINE`).
public struct OpenSSHPublicKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
