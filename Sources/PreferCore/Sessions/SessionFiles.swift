#if canImport(Glibc)
import Glibc
#endif

/// Finding and loading session files: named files as they are, folders searched recursively
/// for `*.jsonl`.
enum SessionFiles {
    /// The files named by `paths`, sorted by path (bytewise, so every machine agrees) without
    /// duplicates. Folders contribute every `*.jsonl` below them; names starting with `.` are
    /// skipped (editor swap files, `.lock`), and symlinked folders are not entered, so a link
    /// loop cannot hang a report.
    static func find(_ paths: [String], errors: inout [InputError]) -> [String] {
        var found: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(InputError(file: path, reason: "cannot be read: \(systemMessage(errno))"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &found, errors: &errors)
            } else {
                found.append(path)
            }
        }
        let sorted = found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var unique: [String] = []
        for path in sorted where unique.last != path { unique.append(path) }
        return unique
    }

    /// The whole contents of `path`.
    static func contents(of path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: path, reason: "cannot be read: \(systemMessage(errno))") }
        defer { close(fd) }
        var info = stat()
        var bytes = [UInt8]()
        if fstat(fd, &info) == 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, reason: "cannot be read: \(systemMessage(errno))")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    private static func walk(_ folder: String, into found: inout [String], errors: inout [InputError]) {
        guard let directory = opendir(folder) else {
            errors.append(InputError(file: folder, reason: "cannot be read: \(systemMessage(errno))"))
            return
        }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                walk(path, into: &found, errors: &errors)
            } else if name.hasSuffix(".jsonl") && (kind == S_IFREG || kind == S_IFLNK) {
                found.append(path)
            }
        }
    }
}
