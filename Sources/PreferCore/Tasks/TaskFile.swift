/// A task file (SPEC §2) that has been fully validated, with its tasks decoded on demand.
///
/// `load` checks every line before anything is returned, so nothing is ever labeled from a
/// file with a bad line. It keeps only each task's place in the file, id and model names;
/// `task(at:)` reads that one line back (with `pread`, from the descriptor opened at load
/// time) and decodes it in full. Loading uses every core and reads in chunks, so a file of
/// hundreds of megabytes loads in about a second without being held in memory.
///
/// Tolerated, as SPEC §2 allows: a UTF-8 BOM at the very start of the file, CRLF line ends,
/// blank (whitespace-only) lines, and a last line without a final newline.
///
/// `task_sha256` is the SHA-256 (lowercase hex) of the task line's bytes with the BOM (line 1
/// only) removed and surrounding whitespace (space, tab, CR, LF) trimmed; bytes inside the
/// line, escapes included, are hashed exactly as they stand in the file.
public final class TaskFile: Sendable {
    /// The path as given to `load`.
    public let path: String
    /// SHA-256 (lowercase hex) of the whole file's bytes, as written to `tasks_sha256`.
    public let sha256: String

    private let file: PositionalFile
    private let records: [TaskRecord]
    private let ids: TaskIdTable
    private let models: [String]
    /// Whether `path` names the file on disk, so that a file renamed over it is noticed.
    private let checksPath: Bool

    /// Runs `scan` on every core and keeps every task.
    private init(_ scan: TaskFileScan, path: String, checksPath: Bool = false) throws(ValidationFailure) {
        scan.run()
        let slices = try scan.slices()
        (records, ids, models) = try slices.allTasks()
        self.path = path
        self.checksPath = checksPath
        self.sha256 = slices.sha256 ?? ""
        self.file = slices.file
    }

    /// Reads and validates the whole file; throws every problem found (the first 20, with a
    /// count of the rest) as `FILE:LINE: reason`, or one file-level problem (missing,
    /// unreadable, a directory, no tasks).
    public static func load(path: String) throws(ValidationFailure) -> TaskFile {
        try load(path: path, sliceSize: TaskFileScan.Options().sliceSize)
    }

    #if os(Linux)
    /// Validates a file compiled into prefer (the demo task set); `path` is then the
    /// bundled file's `recordedName`, since no file of that name need exist.
    public static func load(bundled: BundledFile) throws(ValidationFailure) -> TaskFile {
        let file: PositionalFile
        do {
            file = try PositionalFile(contents: bundled.bytes, name: bundled.recordedName)
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return try TaskFile(TaskFileScan(file: file, options: .init(hashesFile: true)), path: bundled.recordedName)
    }
    #endif

    /// `load` with slices of `sliceSize` bytes, so that tests can exercise the joining of
    /// many slices on small files.
    static func load(path: String, sliceSize: Int) throws(ValidationFailure) -> TaskFile {
        let options = TaskFileScan.Options(hashesFile: true, sliceSize: sliceSize)
        return try TaskFile(TaskFileScan(path: path, options: options), path: path, checksPath: true)
    }

    /// How many tasks the file holds.
    public var count: Int { records.count }

    /// The id of task `index` (0-based, file order).
    public func id(at index: Int) -> String { ids.id(at: index) }

    /// The 1-based file line of task `index`.
    public func line(at index: Int) -> Int { records[index].line }

    /// The `model_a` of task `index`, if it names one.
    public func modelA(at index: Int) -> String? { model(records[index].modelA) }

    /// The `model_b` of task `index`, if it names one.
    public func modelB(at index: Int) -> String? { model(records[index].modelB) }

    /// Every distinct model name in the file, in first-seen order.
    public var modelNames: [String] { models }

    /// The position of the task with this id.
    public func index(of id: String) -> Int? { ids.position(of: id) }

    private func model(_ number: UInt32) -> String? {
        number == 0 ? nil : models[Int(number) - 1]
    }

    /// Reads task `index` back from the file and decodes it in full.
    public func task(at index: Int) throws(InputError) -> PreferenceTask {
        let record = records[index]
        let bytes = try lineBytes(record)
        let outcome: Result<PreferenceTask, InputError> = bytes.withUnsafeBytes { raw in
            var scanner = JSONLineScanner()
            guard (try? scanner.scan(raw)) == .object,
                  case .success(let layout) = TaskLineSchema.check(raw, scanner.members) else {
                return .failure(changed(record))
            }
            let task = TaskLineSchema.decode(raw, scanner.members, layout, sha256: SHA256Hex.of(raw), line: record.line)
            return task.id == ids.id(at: index) ? .success(task) : .failure(changed(record))
        }
        return try outcome.get()
    }

    /// The `task_sha256` of task `index` (see the type's documentation for what is hashed).
    public func taskSHA256(at index: Int) throws(InputError) -> String {
        SHA256Hex.of(try lineBytes(records[index]))
    }

    /// The trimmed bytes of a task's line, after checking that the file was not changed since
    /// it was validated (a changed file could hand a rater content nobody checked) and that
    /// its path still names it (a file renamed over it is new content under the old name).
    private func lineBytes(_ record: TaskRecord) throws(InputError) -> [UInt8] {
        guard file.currentStamp() == file.stamp else { throw changed(record) }
        if checksPath && !file.pathStillNamesIt() {
            throw InputError(file: path, line: record.line, reason: "the file was replaced or removed after it was "
                             + "loaded (its name no longer leads to the file being labeled); start again to label it")
        }
        return try file.bytes(count: record.length, at: record.offset)
    }

    private func changed(_ record: TaskRecord) -> InputError {
        InputError(file: path, line: record.line, reason: "the file changed after it was loaded; load it again")
    }
}
