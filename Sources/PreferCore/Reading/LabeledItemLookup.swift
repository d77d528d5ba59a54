/// Finds the item (index into `CodedLabels.itemNames`) of a task id, using the task-name table
/// that replay already built, so that the task and gold files are matched against the labels
/// without interning a million item names again (that cost ~0.5 s a file at 3M labels).
struct LabeledItemLookup: Sendable {
    /// Every task id the session files named (labeled or not), keyed as `NameTable` keys them.
    var tasks: NameTable
    /// Per task of `tasks`: its item, or -1 when it has no effective label.
    var itemOfTask: [Int32]

    /// The lookup of `items` (item `k` is `items[k]`; a repeated name keeps its first item),
    /// for matching a task file against names known in advance.
    init(items: [String]) {
        tasks = NameTable(capacity: items.count)
        itemOfTask = []
        for (k, name) in items.enumerated() where tasks.intern(name) == itemOfTask.count {
            itemOfTask.append(Int32(k))
        }
    }

    init(tasks: NameTable, itemOfTask: [Int32]) {
        self.tasks = tasks
        self.itemOfTask = itemOfTask
    }

    /// The item of the task id given as UTF-8 bytes (already unescaped), or nil.
    func item(utf8 id: UnsafeRawBufferPointer) -> Int32? {
        // ASCII ids are keyed by their bytes; any other id goes through its NFC form.
        let task = NameTable.isASCII(id) ? tasks.find(key: id) : tasks.find(String(decoding: id, as: UTF8.self))
        guard let task else { return nil }
        let item = itemOfTask[Int(task)]
        return item >= 0 ? item : nil
    }

    /// The item of the task id `name`, or nil.
    func item(_ name: String) -> Int32? {
        guard let task = tasks.find(name) else { return nil }
        let item = itemOfTask[Int(task)]
        return item >= 0 ? item : nil
    }
}
