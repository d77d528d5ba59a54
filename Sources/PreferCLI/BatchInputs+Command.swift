import PreferCore

extension BatchInputs {
    /// The batch file at `path` with everything it names, as a command opens it: a problem is
    /// bad input in the file's own words, then `advice` in parentheses on a line of its own.
    static func open(batchPath path: String, advice: String? = nil) throws -> BatchInputs {
        try CommandFailure.asBadInput(adding: advice.map { "\n(\($0))" } ?? "") { try BatchInputs.open(BatchFile.load(path: path)) }
    }

    /// Refuses `rater` when the batch has a raters list without them (SPEC §10), naming the
    /// list's line; `advice` ends the message.
    func admit(_ rater: RaterName, advice: String = "") throws {
        guard !batch.admits(rater.value) else { return }
        let line = batch.keyLines["raters"].map { ":\($0)" } ?? ""
        throw CommandFailure.badInput("rater \(JSONWriter.quoted(rater.value)) is not on the raters list of \(batch.path)\(line)\(advice)")
    }
}
