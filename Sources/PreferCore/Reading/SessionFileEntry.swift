/// One session file a folder walk or the command line gave, with what its place says about
/// whose events it may hold (SPEC §4: a rater folder speaks only for its rater).
struct SessionFileEntry: Sendable, Equatable {
    /// The path as found (named, or the folder named joined with the names below it).
    var path: String
    /// Named on the command line: a link to a regular file is followed. Found in a walk:
    /// never followed (opened with `O_NOFOLLOW`).
    var named: Bool
    /// The rater whose folder holds the file, or nil outside rater folders.
    var raterFolder: String?
    /// The folder holding the file, resolved (`realpath`), to look for rater folders near it.
    var folder: String
}
