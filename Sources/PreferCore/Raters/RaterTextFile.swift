#if canImport(Glibc)
import Glibc
#endif

/// The line reading shared by the small text files of the SSH paths (a rater's `.pub`, the
/// raters file, `authorized_keys`): UTF-8, bounded in size, numbered from 1.
enum RaterTextFile {
    /// The lines of `path` (without `\n`, a trailing `\r` kept out), numbered from 1; a
    /// missing file is an error, one larger than `maximumBytes` too.
    static func lines(_ path: String, maximumBytes: Int) throws(InputError) -> [(Int, Substring)] {
        let text = try contents(path, maximumBytes: maximumBytes)
        var result: [(Int, Substring)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            result.append((index + 1, line.hasSuffix("\r") ? line.dropLast() : line))
        }
        if result.last?.1.isEmpty == true { result.removeLast() }
        return result
    }

    /// The whole file as UTF-8 text; invalid UTF-8 names the first bad line.
    static func contents(_ path: String, maximumBytes: Int) throws(InputError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            var error = InputError(file: path, reason: "cannot open: \(String(cString: strerror(code)))")
            error.isUnreadable = code == EACCES
            throw error
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw InputError(file: path, reason: "not a regular file")
        }
        guard Int(status.st_size) <= maximumBytes else {
            throw InputError(file: path, reason: "larger than \(maximumBytes / 1024) KiB; this is not a key file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidLine(bytes)
            throw InputError(file: path, line: line, reason: "not valid UTF-8")
        }
        return text
    }

    /// Whether a line holds nothing to read: only spaces, or a `#` comment.
    static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
