import Foundation

/// A rater's `FILE.pub`: exactly one public key line (blank lines and `#` comments aside).
///
/// A file with two keys, or with options in front of the key, is refused: the lead hands
/// one rater one key, and prefer writes the options itself.
public enum PublicKeyFile {
    /// The most a public key file may hold (an RSA 16384-bit key is under 3 KiB).
    static let maximumBytes = 64 << 10

    /// Reads and checks `path`; errors name `FILE:LINE`.
    public static func read(_ path: String) throws(InputError) -> OpenSSHPublicKey {
        let lines = try RaterTextFile.lines(path, maximumBytes: maximumBytes)
        var found: (key: OpenSSHPublicKey, line: Int)?
        for (number, line) in lines where !RaterTextFile.isBlankOrComment(line) {
            if let found {
                throw InputError(file: path, line: number, reason: "a second key (the first is on line \(found.line)); give one key per rater")
            }
            do {
                found = (try OpenSSHPublicKey(parsing: line), number)
            } catch {
                throw InputError(file: path, line: number, reason: error.reason)
            }
        }
        guard let found else { throw InputError(file: path, reason: "no public key in this file") }
        return found.key
    }
}
