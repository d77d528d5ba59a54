/// A task file validated whole and matched to the labeled items of a report or an export.
///
/// The validating scan is `TaskFileScan` (started while the sessions are still being read);
/// for each labeled item it keeps where the task's line is, its line number and its models,
/// which a report or an export reads back through the descriptor that was validated, and only
/// while the file's size, inode and modification time are unchanged. Nothing is read from a
/// file that fails.
public final class LabeledTaskFile: Sendable {
    /// Per item of the label set: where its task is, -1 / 0 when the file has no such task.
    struct Items: Sendable {
        /// The task's position in the file (0-based, file order), or -1.
        var position: [Int]
        /// Where the task's bytes are (BOM and surrounding whitespace excluded), and its line.
        var offset: [Int]
        var length: [Int]
        var line: [Int]
        /// Index into `modelNames`, -1 when the task names no model.
        var modelA: [Int32]
        var modelB: [Int32]

        init(count: Int) {
            position = [Int](repeating: -1, count: count)
            offset = [Int](repeating: 0, count: count)
            length = offset
            line = offset
            modelA = [Int32](repeating: -1, count: count)
            modelB = modelA
        }
    }

    /// The path as given.
    public let path: String
    let file: PositionalFile
    /// How many tasks the file holds.
    public let count: Int
    /// Distinct model names of the file's tasks, first seen first (canonically equivalent
    /// spellings are one name, shown as first written).
    let modelNames: [String]
    let items: Items
    /// What the labeled lines give, when the scan was asked for it (a report's).
    let lines: LabeledTaskLines?

    init(file: PositionalFile, count: Int, modelNames: [String], items: Items, lines: LabeledTaskLines? = nil) {
        self.path = file.path
        self.file = file
        self.count = count
        self.modelNames = modelNames
        self.items = items
        self.lines = lines
    }

    var position: [Int] { items.position }
    var offset: [Int] { items.offset }
    var length: [Int] { items.length }
    var line: [Int] { items.line }

    /// Whether the file holds item `item`'s task.
    func holds(_ item: Int) -> Bool { items.position[item] >= 0 }

    /// Reads `range` of the file into `buffer`, checking before and after that the file is
    /// still the one that was validated; returns the bytes read.
    func read(_ range: Range<Int>, into buffer: ReadBuffer) throws(InputError) -> UnsafeRawBufferPointer {
        try checkUnchanged()
        let start = buffer.reserve(range.count)
        try file.read(into: start, count: range.count, at: range.lowerBound)
        try checkUnchanged()
        return UnsafeRawBufferPointer(start: start, count: range.count)
    }

    /// The content of item `item`'s task, read back on its own (exports read many lines at
    /// once; this is for checks and tests); nil when the file has no such task.
    func pieces(ofItem item: Int) throws(InputError) -> TaskPieces? {
        guard holds(item) else { return nil }
        let buffer = ReadBuffer()
        let line = try read(offset[item]..<(offset[item] + length[item]), into: buffer)
        return withExtendedLifetime(buffer) { TaskLinePieces.make(validated: line) }
    }

    /// Fails when the file's size, inode or modification time differ from when it was validated.
    func checkUnchanged() throws(InputError) {
        guard file.currentStamp() == file.stamp else {
            throw InputError(file: path, reason: "the file changed after it was loaded; export again")
        }
    }
}
