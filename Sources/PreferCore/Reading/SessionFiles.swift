#if canImport(Glibc)
import Glibc
#endif

/// Finding and loading session files, the one folder walk and the one opener every reader
/// uses (`SessionReader`, the report/export `SessionLabelReader`, `validate`'s
/// `SessionFileCheck`, label's resume): named files as they are, folders searched
/// recursively for `*.jsonl`, regular files only (SPEC §4).
enum SessionFiles {
    /// What a search found: the files, and the entries it skipped (one warning each).
    struct Found {
        var entries: [SessionFileEntry] = []
        var warnings: [InputError] = []
        /// The rater folders seen, for the check of files outside them.
        var raterFolders = RaterFolders()
        /// `--skip-unreadable`: a file or folder this account may not read is left out with a
        /// warning instead of failing the reading.
        var skipUnreadable = false
        /// Files and folders left out so far (with `skipUnreadable`).
        var skipped = 0
        /// Folders listed anew (not taken from the kept `FolderListings`).
        var foldersListed = 0

        /// Files the readers could not open are kept here as an error, or (with
        /// `skipUnreadable`) as a warning; true when it was kept as an error.
        mutating func keep(_ error: InputError, errors: inout [InputError], warnings: inout [InputError]) {
            if error.isUnreadable && skipUnreadable {
                skipped += 1
                let reason = error.reason.replacingOccurrences(of: SessionFiles.unreadableHint, with: "")
                warnings.append(InputError(file: error.file, reason: "left out: " + reason))
            } else {
                errors.append(error)
            }
        }

        /// The count of what was left out, to show after the warnings for each.
        func skippedSummary(of count: Int) -> InputError? {
            guard count > 0 else { return nil }
            return InputError(file: "session files", reason: "left out \(count) that cannot be read (--skip-unreadable)")
        }
        var paths: [String] { entries.map(\.path) }
    }

    /// The files named by `paths`, sorted by path (bytewise, so every machine agrees) without
    /// duplicates. Folders contribute every regular `*.jsonl` below them; names starting with
    /// `.` are skipped (editor swap files, `.lock`); symlinks, FIFOs, sockets and devices in
    /// a folder are skipped with a warning (a link planted in a rater folder must not make a
    /// report read `/dev/zero`, hang on a FIFO or read another rater's file twice), and
    /// symlinked folders are not entered, so a link loop cannot hang a report. A named path
    /// that is neither a regular file (a link to one is followed) nor a folder is an error.
    static func find(_ paths: [String], errors: inout [InputError], skipUnreadable: Bool = false) -> Found {
        var listings = FolderListings()
        return find(paths, errors: &errors, skipUnreadable: skipUnreadable, listings: &listings)
    }

    /// `find`, re-listing only the folders changed since `listings` saw them (and keeping
    /// the new listings there): what a `SessionLogTail` step does.
    static func find(_ paths: [String], errors: inout [InputError], skipUnreadable: Bool,
                     listings: inout FolderListings) -> Found {
        var found = Found()
        found.skipUnreadable = skipUnreadable
        // Walked files come with their folder resolved by its listing; named files are resolved below.
        var listed: [(path: String, named: Bool, real: String?)] = []
        var problems: [InputError] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(cannotRead(path, errno))
                continue
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                walk(path, stamp: FolderListings.Stamp(info), listings: &listings, into: &listed,
                     warnings: &found.warnings, errors: &problems, listed: &found.foldersListed)
            } else if kind == S_IFREG {
                listed.append((path, true, nil))
            } else {
                errors.append(InputError(file: path, reason: "is \(FileKind.name(kind)), not a regular file; only files and folders are read"))
            }
        }
        var warnings = found.warnings
        for problem in problems { found.keep(problem, errors: &errors, warnings: &warnings) }
        found.warnings = warnings
        listed.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var resolved: [String: String] = [:]
        for item in listed where found.entries.last?.path != item.path {
            let folder = parentFolder(of: item.path)
            let real: String
            if let walked = item.real {
                real = walked
            } else if let known = resolved[folder] {
                real = known
            } else {
                real = realFolder(folder)
                resolved[folder] = real
            }
            found.entries.append(SessionFileEntry(path: item.path, named: item.named,
                                                  raterFolder: found.raterFolders.raterFolder(holding: real),
                                                  folder: real))
        }
        return found
    }

    /// The whole contents of the session file `entry`.
    static func contents(of entry: SessionFileEntry) throws(InputError) -> [UInt8] {
        try contents(of: entry.path, followLink: entry.named)
    }

    /// The whole contents of the regular file at `path` (see `appended`).
    static func contents(of path: String, followLink: Bool = true) throws(InputError) -> [UInt8] {
        try appended(to: path, followLink: followLink, from: 0, firstLine: 1).bytes
    }

    /// The contents of the regular file at `path` from byte `offset` on (where line
    /// `firstLine` starts), and which file that was: opened without blocking (a FIFO swapped
    /// in after the walk is refused, not waited on) and, unless `followLink`, without
    /// following a symlink. A line longer than `InputLimits.lineBytes` is an error as soon as
    /// that much of it is read, so a file without newlines cannot grow memory.
    static func appended(to path: String, followLink: Bool, from offset: Int,
                         firstLine: Int) throws(InputError) -> (bytes: [UInt8], identity: FileIdentity) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            if errno == ELOOP { throw InputError(file: path, reason: "is a symbolic link; only regular files are read") }
            throw cannotRead(path, errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputError(file: path, reason: "cannot be read: \(systemMessage(errno))") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw InputError(file: path, reason: "is \(FileKind.name(info.st_mode & S_IFMT)), not a regular file")
        }
        if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
            throw InputError(file: path, reason: "cannot be read: \(systemMessage(errno))")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(0, Int(info.st_size) - offset))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        // Bytes read since the last newline: the line being read so far.
        var open = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, reason: "cannot be read: \(systemMessage(errno))")
            }
            // Back from the end to the last newline: a few hundred bytes for ordinary lines.
            var tail = 0
            chunk.withUnsafeBytes { raw in
                while tail < count && raw[count - 1 - tail] != 0x0A { tail += 1 }
            }
            open = tail < count ? tail : open + count
            bytes.append(contentsOf: chunk[0..<count])
            if open > InputLimits.lineBytes + 1 { throw overlong(path, bytes, firstLine: firstLine) }
        }
        return (bytes, FileIdentity(info, size: offset + bytes.count))
    }

    /// The error for a line found longer than the limit at the end of `bytes`.
    private static func overlong(_ path: String, _ bytes: [UInt8], firstLine: Int) -> InputError {
        let line = firstLine + bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return InputError(file: path, line: line,
                          reason: "line is longer than \(InputLimits.lineBytesText), the limit for a line")
    }

    /// Adds the files below `folder` (whose `stat` is `stamp`) to `found`, from the kept
    /// listing of each folder that has not changed, listing the others anew.
    private static func walk(_ folder: String, stamp: FolderListings.Stamp, listings: inout FolderListings,
                             into found: inout [(path: String, named: Bool, real: String?)],
                             warnings: inout [InputError], errors: inout [InputError], listed: inout Int) {
        let listing: FolderListings.Listing
        if let kept = listings.unchanged(folder, stamp: stamp) {
            listing = kept
        } else {
            let before = errors.count
            guard let fresh = list(folder, stamp: stamp, errors: &errors) else { return }
            listing = fresh
            listed += 1
            if errors.count == before { listings.keep(folder, fresh) }
        }
        for file in listing.files { found.append((file, false, listing.real)) }
        warnings.append(contentsOf: listing.warnings)
        for subfolder in listing.folders {
            var info = stat()
            guard lstat(subfolder, &info) == 0 else {
                if errno != ENOENT { errors.append(cannotRead(subfolder, errno)) }
                continue
            }
            // Replaced by something else since it was listed: its parent changed too, so
            // this happens only in the tick between, and the next step sees it.
            guard info.st_mode & S_IFMT == S_IFDIR else { continue }
            walk(subfolder, stamp: FolderListings.Stamp(info), listings: &listings, into: &found,
                 warnings: &warnings, errors: &errors, listed: &listed)
        }
    }

    /// One folder's entries (SPEC §4: regular `*.jsonl` files, subfolders not reached by a
    /// link, the rest skipped with a warning), for the caller to keep unless some entry could
    /// not be examined; nil when the folder cannot be opened.
    private static func list(_ folder: String, stamp: FolderListings.Stamp,
                             errors: inout [InputError]) -> FolderListings.Listing? {
        let listedAt = FolderListings.now()
        guard let directory = opendir(folder) else {
            errors.append(cannotRead(folder, errno))
            return nil
        }
        defer { closedir(directory) }
        var listing = FolderListings.Listing(stamp: stamp, listedAt: listedAt, real: realFolder(folder))
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                // Gone since the listing: nothing to read. Not searchable: say so.
                if errno != ENOENT { errors.append(cannotRead(path, errno)) }
                continue
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                listing.folders.append(path)
            } else if kind == S_IFREG {
                if name.hasSuffix(".jsonl") { listing.files.append(path) }
            } else if name.hasSuffix(".jsonl") || (kind == S_IFLNK && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                listing.warnings.append(InputError(file: path, reason: "skipped: \(FileKind.name(kind)) (only regular files are read in a folder)"))
            }
        }
        return listing
    }

    /// What an error about an unreadable file suggests (left off its warning when skipped).
    static let unreadableHint = "; ask its owner, or pass --skip-unreadable to leave it out"

    /// "cannot be read: Permission denied (owned by mallory, mode 0000); …", naming whom to ask.
    static func cannotRead(_ path: String, _ code: Int32) -> InputError {
        guard code == EACCES || code == EPERM else {
            return InputError(file: path, reason: "cannot be read: \(systemMessage(code))")
        }
        var info = stat()
        var owner = ""
        if lstat(path, &info) == 0 {
            owner = " (owned by \(AccountName.of(info.st_uid)), mode \(String(info.st_mode & 0o7777, radix: 8).leftPadded(to: 4)))"
        }
        var error = InputError(file: path, reason: "cannot be read: \(systemMessage(code))\(owner)\(unreadableHint)")
        error.isUnreadable = true
        return error
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `folder` resolved to an absolute path without links, or as given when that fails.
    private static func realFolder(_ folder: String) -> String {
        guard let resolved = realpath(folder, nil) else { return folder }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
