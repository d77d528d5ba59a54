/// Where one valid task lies in the file, and the little that is kept of it in memory.
struct TaskRecord: Sendable {
    /// File offset and length of the task's bytes: BOM and surrounding whitespace excluded.
    var offset: Int
    var length: Int
    /// 1-based line in the file (within its segment until the segments are joined).
    var line: Int
    /// 1-based index into the model-name table, 0 when the task names no model.
    var modelA: UInt32
    var modelB: UInt32
}
