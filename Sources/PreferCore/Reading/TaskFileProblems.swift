/// The problems of a task file read in slices, joined in file order: each slice's lines made
/// file-wide, every problem counted, the kept ones shown first to last.
struct TaskFileProblems {
    private(set) var errors: [InputError] = []
    /// All problems found, kept or not.
    private(set) var count = 0
    /// Lines of the slices added so far: the next slice's line 1 is line `lineBase + 1`.
    private(set) var lineBase = 0

    /// Adds a slice's kept problems (lines counted within the slice), how many it found in
    /// all, and moves past its lines.
    mutating func addSlice(errors sliceErrors: [InputError], count sliceCount: Int, lineCount: Int) {
        for var error in sliceErrors {
            error.line = error.line.map { $0 + lineBase }
            errors.append(error)
        }
        count += sliceCount
        lineBase += lineCount
    }

    /// Adds a problem whose line is already file-wide.
    mutating func add(_ error: InputError) {
        errors.append(error)
        count += 1
    }

    /// Throws the first problems overall, if there are any.
    func throwFirst() throws(ValidationFailure) {
        guard count > 0 else { return }
        // Each slice kept its first problems; sorted together, the first ones overall are
        // among them (a dropped problem has that many kept ones before it in its slice).
        let ordered = errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        let kept = ordered.prefix(TaskFileSegment.keptErrors).map(\.element)
        throw ValidationFailure(errors: kept, omitted: count - kept.count)
    }

    /// Fails when the file holds no task.
    static func requireTasks(_ taskCount: Int, path: String) throws(ValidationFailure) {
        if taskCount == 0 {
            throw ValidationFailure(errors: [InputError(file: path, reason: "the file holds no tasks")])
        }
    }

    /// The last step of validating a whole task file, shared by every scanner of task files:
    /// index the ids (reporting duplicates), then throw the first problems overall, or "the
    /// file holds no tasks". `line` gives the file line of the task at an id's position.
    mutating func finish(path: String, ids: inout TaskIdTable, taskCount: Int,
                         line: (Int) -> Int) throws(ValidationFailure) {
        // Duplicates come in line order, so the first few are all that can be shown.
        let duplicates = ids.index(keepingDuplicates: TaskFileSegment.keptErrors)
        count += duplicates.total
        for (position, first) in duplicates.kept {
            errors.append(InputError(file: path, line: line(position),
                                     reason: "duplicate id \(JSONMessageText.quoted(ids.id(at: position))) (first on line \(line(first)))"))
        }
        try throwFirst()
        try Self.requireTasks(taskCount, path: path)
    }
}
