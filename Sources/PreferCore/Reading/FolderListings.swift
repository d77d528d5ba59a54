#if canImport(Glibc)
import Glibc
#endif

/// What the folder walk of `SessionFiles.find` saw in each folder, kept by a `SessionLogTail`
/// between its steps so that a step re-lists only folders that changed: a batch sitting looks
/// before every task, and listing and `lstat`-ing 50 rater folders each time cost more than
/// the few bytes read. A file created, removed or renamed in a folder changes the folder's
/// mtime (a new rater folder changes the root's), so an unchanged folder (same device, inode
/// and mtime) still holds what was listed; the SPEC §4 rules (regular files only, no links
/// followed) were applied when it was listed and still hold.
///
/// File system timestamps are coarse (a kernel tick): a file created in the same tick as
/// the listing, just after it, would leave the mtime as listed. So a listing is trusted only
/// once the folder's mtime is `settle` seconds older than the moment it was listed; a folder
/// changed more recently is listed again at every step until then.
struct FolderListings {
    /// A folder's identity and last change.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }

    /// One folder as listed: its regular `*.jsonl` files and subfolders (full paths), the
    /// warnings the listing gave, and the folder resolved without links.
    struct Listing {
        var stamp: Stamp
        /// Wall-clock seconds when the listing started.
        var listedAt: Double
        var real: String
        var files: [String] = []
        var folders: [String] = []
        var warnings: [InputError] = []
    }

    /// How much older than its listing a folder's mtime must be for the listing to be kept.
    static let settle = 1.0

    private var listings: [String: Listing] = [:]

    /// The listing of `folder` kept from an earlier step, if the folder is unchanged since.
    func unchanged(_ folder: String, stamp: Stamp) -> Listing? {
        guard let kept = listings[folder], kept.stamp == stamp,
              Double(stamp.seconds) + Double(stamp.nanoseconds) / 1e9 + Self.settle < kept.listedAt else { return nil }
        return kept
    }

    /// Keeps `listing` of `folder` for later steps (only a listing without errors is kept:
    /// an entry that could not be examined is examined again next time).
    mutating func keep(_ folder: String, _ listing: Listing) { listings[folder] = listing }

    /// Now, in wall-clock seconds (the clock file timestamps are taken from).
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
