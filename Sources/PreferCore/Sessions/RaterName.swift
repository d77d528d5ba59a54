import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A rater name that is safe to use as a folder name: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
///
/// Checked before it becomes a path (RELIABILITY rule 8), so `..`, `a/b` and friends can
/// never lead a session file outside the sessions folder.
public struct RaterName: Sendable, Hashable, CustomStringConvertible {
    /// The validated name.
    public let value: String

    /// The longest name allowed.
    public static let maximumLength = 64

    /// Validates `text` as a rater name.
    public init(_ text: String) throws(RaterNameError) {
        guard RaterName.isValid(text) else { throw RaterNameError(name: text) }
        value = text
    }

    public var description: String { value }

    /// Whether `text` matches `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-")
        }
    }

    /// The OS account running this process, from `getuid` → `getpwuid_r`, falling back to
    /// `$USER` only when the password database has no entry (e.g. a bare container uid).
    public static var login: String? {
        if let name = passwordDatabaseLogin() { return name }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return nil
    }

    /// The default rater: the OS login, validated like any other name.
    public static func defaultName() throws(RaterNameError) -> RaterName {
        try RaterName(login ?? "")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func passwordDatabaseLogin() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        // The reentrant form: getpwuid's static buffer is not safe next to other threads. The
        // entry points into `buffer`, so it is read inside the closure that pins it.
        return buffer.withUnsafeMutableBufferPointer { storage -> String? in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwuid_r(getuid(), &entry, storage.baseAddress!, storage.count, &result)
            guard status == 0, result != nil, let name = entry.pw_name else { return nil }
            let login = String(cString: name)
            return login.isEmpty ? nil : login
        }
    }
}

/// A rater name that was refused, with a message safe to print (hidden characters escaped).
public struct RaterNameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name as given.
    public var name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String {
        "rater name \(RaterNameError.shown(name)) is not allowed: use letters, digits, '.', '_' "
            + "or '-', starting with a letter or digit, at most \(RaterName.maximumLength) characters"
    }

    /// The name as a JSON literal, so control and format characters show as `\uXXXX`, and cut
    /// short so that a 10,000-character name does not flood the terminal.
    static func shown(_ name: String) -> String {
        let limit = 80
        guard name.unicodeScalars.count > limit else { return JSONWriter.quoted(name) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.unicodeScalars.prefix(limit))
        return JSONWriter.quoted(String(scalars)) + "… (\(name.unicodeScalars.count) characters)"
    }
}
