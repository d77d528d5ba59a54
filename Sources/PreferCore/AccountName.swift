#if canImport(Glibc)
import Glibc
#endif

/// Account names for messages ("owned by mallory"), from the password database.
public enum AccountName {
    /// The login name of `uid`, or `uid N` when it has none.
    public static func of(_ uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, let found = result, let name = found.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(uid)"
    }
}
