/// A task file validated for an export, keeping where each task's line is so that the
/// export reads the lines it needs in large contiguous pieces and copies their strings.
///
/// Loading is `TaskFile`'s own (`TaskFileLoader`: the same checks, the same `FILE:LINE`
/// errors). Lines are read back through the descriptor that was validated, and only while
/// its size, inode and modification time are those it had when it was validated, which is
/// also `TaskFile`'s guarantee; a change is the error "the file changed after it was loaded".
public final class ExportTaskFile: Sendable {
    /// The path as given.
    public let path: String
    /// SHA-256 (hex) of the whole file.
    public let sha256: String
    let loaded: TaskFileLoader.Loaded

    private init(_ loaded: TaskFileLoader.Loaded, path: String) {
        self.loaded = loaded
        self.path = path
        sha256 = loaded.sha256
    }

    /// Reads and validates the task file as `TaskFile.load` does.
    public static func load(path: String) throws(ValidationFailure) -> ExportTaskFile {
        ExportTaskFile(try TaskFileLoader.load(path: path), path: path)
    }

    /// How many tasks the file holds.
    public var count: Int { loaded.records.count }

    /// The position of the task with this id.
    public func index(of id: String) -> Int? { loaded.ids.position(of: id) }

    /// The id of task `index`.
    public func id(at index: Int) -> String { loaded.ids.id(at: index) }

    /// File offset and length of the tasks `indexes` cover (increasing): one read brings them all.
    func span(_ first: Int, _ last: Int) -> Range<Int> {
        let a = loaded.records[first], b = loaded.records[last]
        return a.offset..<(b.offset + b.length)
    }

    /// Where task `index`'s bytes are (BOM and surrounding whitespace excluded) and its line.
    func record(_ index: Int) -> (offset: Int, length: Int, line: Int) {
        let r = loaded.records[index]
        return (r.offset, r.length, r.line)
    }

    /// Reads `range` of the file into `buffer` (replacing its contents), after checking that
    /// the file is the one that was validated.
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) throws(InputError) {
        try checkUnchanged()
        let file = loaded.file
        // A reused buffer keeps its capacity, so after the first batch this allocates nothing.
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        let read: Result<Void, InputError> = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(InputError) in try file.read(into: raw.baseAddress!, count: range.count, at: range.lowerBound) }
        }
        try read.get()
        try checkUnchanged()
    }

    /// Fails when the file's size, inode or modification time differ from when it was validated.
    func checkUnchanged() throws(InputError) {
        guard loaded.file.currentStamp() == loaded.file.stamp else {
            throw InputError(file: path, reason: "the file changed after it was loaded; export again")
        }
    }
}
