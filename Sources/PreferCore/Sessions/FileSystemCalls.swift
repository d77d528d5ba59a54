#if canImport(Glibc)
import Glibc
#endif

/// The two syscalls a `SessionWriter` makes per event, as closures so that tests can
/// simulate a short write or an `EIO` from `fsync` without a failing disk.
///
/// Both follow the kernel convention for results: a negative value is `-errno`, so no
/// global `errno` has to survive the trip back through Swift code.
public struct FileSystemCalls: Sendable {
    /// Writes the buffer to the descriptor once; bytes written, or `-errno`.
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// Flushes the descriptor to stable storage; 0, or `-errno`.
    public var fsync: @Sendable (_ fd: Int32) -> Int

    public init(write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int,
                fsync: @escaping @Sendable (Int32) -> Int) {
        self.write = write
        self.fsync = fsync
    }

    /// The real Glibc calls.
    public static let system = FileSystemCalls(
        write: { fd, bytes in
            let written = Glibc.write(fd, bytes.baseAddress, bytes.count)
            return written >= 0 ? written : -Int(errno)
        },
        fsync: { fd in
            Glibc.fsync(fd) == 0 ? 0 : -Int(errno)
        }
    )
}
