/// The last step of validating a task file read in slices, shared by every scanner of task
/// files: index the ids (reporting duplicates), then throw the first problems overall, or
/// "the file holds no tasks".
enum TaskFileProblems {
    /// - Parameters:
    ///   - errors: the problems each slice kept, lines already made absolute.
    ///   - errorCount: all problems found, kept or not.
    ///   - line: the file line of the task at an id's position.
    static func finish(path: String, ids: inout TaskIdTable, errors: [InputError], errorCount: Int,
                       taskCount: Int, line: (Int) -> Int) throws(ValidationFailure) {
        var errors = errors
        var errorCount = errorCount
        // Duplicates come in line order, so the first few are all that can be shown.
        let duplicates = ids.index(keepingDuplicates: TaskFileSegment.keptErrors)
        errorCount += duplicates.total
        for (position, first) in duplicates.kept {
            errors.append(InputError(file: path, line: line(position),
                                     reason: "duplicate id \(JSONMessageText.quoted(ids.id(at: position))) (first on line \(line(first)))"))
        }
        if errorCount > 0 {
            // Each slice kept its first problems; sorted together, the first ones overall are
            // among them (a dropped problem has that many kept ones before it in its slice).
            let ordered = errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            let kept = ordered.prefix(TaskFileSegment.keptErrors).map(\.element)
            throw ValidationFailure(errors: kept, omitted: errorCount - kept.count)
        }
        if taskCount == 0 {
            throw ValidationFailure(errors: [InputError(file: path, reason: "the file holds no tasks")])
        }
    }
}
