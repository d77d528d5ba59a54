import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which folders are rater folders (SPEC §4), asked by every session reader.
///
/// A rater folder is a folder holding `.lock`, the lock file `prefer label` creates in every
/// folder it writes in (`SessionFolder.lock`); a folder of files brought from another tool is
/// not one. A file's rater folder is the outermost rater folder above it, so a rater cannot
/// make `sessions/mallory/alice/` (with a `.lock` of its own) speak for alice. Answers are
/// cached; readers on several threads share one instance.
final class RaterFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var holdsLock: [String: Bool] = [:]
    private var folderOf: [String: String?] = [:]
    /// Rater folder names of the files found, as the folder names them.
    private(set) var found: Set<String> = []

    /// The rater whose folder holds `folder` (a resolved path), or nil.
    func raterFolder(holding folder: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = folderOf[folder] { return known }
        var answer: String?
        var prefix = ""
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if hasLockFile(prefix) {
                answer = String(component)
                break
            }
        }
        folderOf[folder] = answer
        if let answer { found.insert(answer) }
        return answer
    }

    /// Whether `rater` has a rater folder among the files read, or next to `folder` or any
    /// folder above it (`<ancestor>/<rater>/.lock`): a file outside rater folders may not use
    /// that name.
    func hasFolder(rater: String, near folder: String) -> Bool {
        guard RaterName.isValid(rater) else { return false }
        lock.lock()
        defer { lock.unlock() }
        if found.contains(rater) { return true }
        var prefix = folder
        while true {
            if hasLockFile((prefix == "/" ? "" : prefix) + "/" + rater) { return true }
            guard let slash = prefix.lastIndex(of: "/"), prefix != "/" else { return false }
            prefix = slash == prefix.startIndex ? "/" : String(prefix[..<slash])
        }
    }

    /// Whether `directory/.lock` exists as a regular file (not followed through a link).
    private func hasLockFile(_ directory: String) -> Bool {
        if let known = holdsLock[directory] { return known }
        var info = stat()
        let answer = lstat(directory + "/" + SessionFolder.lockName, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        holdsLock[directory] = answer
        return answer
    }
}
