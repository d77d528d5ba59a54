/// "A rater folder speaks only for its rater" (SPEC §4), worded once for every reader.
///
/// A rater who can write only their own folder must not be able to add, undo or replace
/// another rater's labels: an event in a file under `sessions/R/` must carry rater R, and a
/// file outside rater folders (a judge's lines) may not use the name of a rater who has one.
enum RaterFolderRule {
    /// The error for an event of `rater` in a file of the rater folder of `folder`.
    static func mismatch(file: String, line: Int, rater: String, folder: String) -> InputError {
        InputError(file: file, line: line,
                   reason: "an event of rater \(JSONWriter.quoted(rater)) in the rater folder of \(JSONWriter.quoted(folder)); a rater folder speaks only for its rater")
    }

    /// The errors of a file outside rater folders: one per rater name it uses (at the first
    /// line using it, in line order) that belongs to a rater with a folder.
    static func outsideErrors(_ entry: SessionFileEntry, firstLines: [(rater: String, line: Int)],
                              folders: RaterFolders) -> [InputError] {
        guard entry.raterFolder == nil else { return [] }
        return firstLines.sorted { $0.line < $1.line }.compactMap { use in
            guard folders.hasFolder(rater: use.rater, near: entry.folder) else { return nil }
            return InputError(file: entry.path, line: use.line,
                              reason: "rater \(JSONWriter.quoted(use.rater)) has a rater folder; a file outside it may not use that name")
        }
    }
}
