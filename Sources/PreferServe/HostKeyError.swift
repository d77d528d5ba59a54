import Foundation

/// Why the host key could not be used.
public enum HostKeyError: Error, Sendable, CustomStringConvertible {
    case format(String)
    case located(path: String, reason: String)
    case unsafe(path: String, reason: String)
    case system(path: String, operation: String, code: Int32)

    func located(_ path: String) -> HostKeyError {
        if case .format(let reason) = self { return .located(path: path, reason: reason) }
        return self
    }

    public var description: String {
        switch self {
        case .format(let reason): return reason
        case .located(let path, let reason), .unsafe(let path, let reason): return "\(path): \(reason)"
        case .system(let path, let operation, let code):
            return "\(path): cannot \(operation) the host key: \(String(cString: strerror(code)))"
        }
    }
}
