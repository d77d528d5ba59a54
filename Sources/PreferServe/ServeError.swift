#if canImport(Glibc)
import Glibc
#endif

/// A failure of the server itself (not of one connection).
public enum ServeError: Error, Sendable, CustomStringConvertible {
    case system(operation: String, code: Int32)
    case listen(address: String, reason: String)

    public var description: String {
        switch self {
        case .system(let operation, let code): return "cannot \(operation): \(String(cString: strerror(code)))"
        case .listen(let address, let reason): return "cannot listen on \(address): \(reason)"
        }
    }
}
