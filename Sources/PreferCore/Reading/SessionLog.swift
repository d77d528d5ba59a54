/// Everything read from a set of session files: the event records in file order, and
/// the torn tails that were dropped.
public struct SessionLog: Sendable, Equatable {
    /// Records of all files, files sorted by path, lines in file order.
    public var records: [SessionRecord]
    /// `FILE:LINE: ignored a torn last line` and similar tolerances, to show as warnings.
    public var warnings: [InputError]
    /// The files read, sorted by path.
    public var files: [String]

    public init(records: [SessionRecord] = [], warnings: [InputError] = [], files: [String] = []) {
        self.records = records
        self.warnings = warnings
        self.files = files
    }
}
