#if canImport(Glibc)
import Glibc
#endif

/// Account names for messages ("owned by mallory"), from the password database.
public enum AccountName {
    /// The login name of `uid`, or `uid N` when it has none.
    public static func of(_ uid: uid_t) -> String {
        entry(uid) { $0.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
    }

    /// The home folder of `uid` in the password database (what sshd uses, not `$HOME`).
    public static func home(of uid: uid_t) -> String? {
        entry(uid) { $0.pw_dir.map { String(cString: $0) } }
    }

    /// Reads one field of `uid`'s password entry while its buffer is alive.
    private static func entry(_ uid: uid_t, _ field: (passwd) -> String?) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return field(entry)
    }
}
