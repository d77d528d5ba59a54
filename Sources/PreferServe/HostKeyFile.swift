import Crypto
import Foundation
import NIOSSH
import PreferCore
#if canImport(Glibc)
import Glibc
#endif

/// The server's host key: read from its file, or created there (mode 0600) when the file is
/// missing, in OpenSSH's private key format (`ssh-keygen -lf FILE` shows the same fingerprint).
public struct HostKeyFile: Sendable {
    public let path: String
    /// The 32-byte Ed25519 seed (the CryptoKit type is not Sendable).
    private let seed: Data
    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }
    /// Whether this run created the file.
    public let created: Bool

    /// Loads `path`, or creates a new Ed25519 key there. A key file that other accounts may
    /// read is refused, as sshd refuses one.
    public init(path: String) throws(HostKeyError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            let key = Curve25519.Signing.PrivateKey()
            seed = key.rawRepresentation
            try Self.create(path, text: OpenSSHPrivateKeyFormat.encode(key, comment: "prefer serve host key"))
            created = true
            return
        }
        guard fd >= 0 else { throw .system(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw .unsafe(path: path, reason: "not a regular file")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw .unsafe(path: path, reason: String(format: "mode %04o lets other accounts read the host key; chmod 600 it", status.st_mode & 0o7777))
        }
        guard status.st_size < 64 << 10 else { throw .unsafe(path: path, reason: "too large for a key file") }
        // An empty file (a `touch`ed path) is no key; it would also leave no buffer to read into.
        guard status.st_size > 0 else { throw .unsafe(path: path, reason: "empty; remove it and prefer serve creates a key") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw .system(path: path, operation: "read", code: got < 0 ? errno : EIO) }
            filled += got
        }
        do {
            seed = try OpenSSHPrivateKeyFormat.decode(String(decoding: bytes, as: UTF8.self)).rawRepresentation
        } catch {
            throw error.located(path)
        }
        created = false
    }

    /// The key as NIOSSH uses it.
    var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// `SHA256:…`, as `ssh-keygen -lf` and an ssh client's first-connection question show it.
    public var fingerprint: String {
        OpenSSHPublicKey.fingerprint(ofBlob: OpenSSHPrivateKeyFormat.publicBlob(key.publicKey))
    }

    /// Writes a new key file: `O_EXCL` (never over another file), 0600 whatever the umask,
    /// fsynced with its folder.
    private static func create(_ path: String, text: String) throws(HostKeyError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system(path: path, operation: "create", code: errno) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        let ok = fchmod(fd, 0o600) == 0 && written == bytes.count && fsync(fd) == 0
        let code = errno
        close(fd)
        guard ok else {
            unlink(path)
            throw .system(path: path, operation: "write", code: code)
        }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let folderFD = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }
}
