#if canImport(Glibc)
import Glibc
#endif

/// Standard output and standard error, the one way every command writes to them.
///
/// Foundation's `FileHandle.write` traps when the descriptor is a terminal that has hung up
/// (EIO) or a pipe whose reader left (EPIPE, with SIGPIPE ignored as `prefer label` does);
/// the trap then keeps the process alive for seconds in the backtracer. Here a failed write is
/// only a value: chatter on stderr is dropped, and a command whose result went to stdout can
/// say so in its exit status.
public enum StandardStream: Sendable {
    case output
    case error

    /// The descriptor behind the stream.
    public var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// How the stream is named in messages.
    public var name: String { self == .output ? "standard output" : "standard error" }

    /// Writes all of `text` as UTF-8 (short writes and EINTR are retried).
    /// - Returns: 0, or the errno of the write that failed (EIO, EPIPE, ENOSPC…).
    @discardableResult
    public func write(_ text: String) -> Int32 {
        write(Array(text.utf8))
    }

    /// Writes all of `bytes`; see `write(_:)` for text.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            var vector = iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: raw.count)
            return withUnsafeMutablePointer(to: &vector) {
                writeVectors(descriptor, UnsafeMutableBufferPointer(start: $0, count: 1))
            }
        }
    }

    /// An export sink on this stream, for commands that stream their result (`export`,
    /// `make-tasks`): the same write path, with a failure thrown as an `ExportError`.
    public var sink: ExportSink { FileDescriptorSink(fd: descriptor, name: name) }
}
