import Dispatch

extension TaskFileScan.Slices {
    /// Which ids are checked for duplicates when only the labeled tasks are kept.
    enum DuplicateCheck {
        /// Every id in the file, as `TaskFile.load` checks them (an export: nothing is exported
        /// from a file that `prefer validate` refuses).
        case allIds
        /// Only ids that a label names (a report: its figures do not depend on other lines).
        case labeledIds
    }

    /// Walks the slices in file order: `visit` gets each slice with the file line before its
    /// first line, the file position of its first task, and its model numbers made file-wide
    /// (1-based, 0 for none). Returns the file's model names, first seen first, and every
    /// problem of its lines.
    private func walk(_ visit: (_ k: Int, _ part: TaskFileSegmentResult, _ lineBase: Int, _ taskBase: Int,
                                _ model: (UInt32) -> UInt32) -> Void) -> (models: [String], problems: TaskFileProblems) {
        var models = NameTable(capacity: 16)
        var problems = TaskFileProblems()
        var taskBase = 0
        for (k, part) in parts.enumerated() {
            let mapping = models.merge(part.models)
            visit(k, part, problems.lineBase, taskBase) { $0 == 0 ? 0 : UInt32(mapping[Int($0) - 1] + 1) }
            problems.addSlice(errors: part.errors, count: part.errorCount, lineCount: part.lineCount)
            taskBase += part.records.count
        }
        return (models.names, problems)
    }

    /// Every task of the file, in file order, with duplicate ids refused (for `TaskFile`).
    func allTasks() throws(ValidationFailure) -> (records: [TaskRecord], ids: TaskIdTable, models: [String]) {
        var records: [TaskRecord] = []
        records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        var ids = TaskIdTable()
        let walked = walk { _, part, lineBase, _, model in
            for var record in part.records {
                record.line += lineBase
                record.modelA = model(record.modelA)
                record.modelB = model(record.modelB)
                records.append(record)
            }
            ids.append(contentsOf: part.ids)
        }
        var problems = walked.problems
        try problems.finish(path: file.path, ids: &ids, taskCount: records.count, line: { records[$0].line })
        return (records, ids, walked.models)
    }

    /// Only the tasks that `lookup` finds among the labeled items `items` (item `k` is
    /// `items[k]`), with duplicates checked as `duplicates` says (for a report or an export),
    /// and, when `readLabeledLines` asked for them, what their lines give.
    func labeled(_ lookup: LabeledItemLookup, items: [String], duplicates: DuplicateCheck) throws(ValidationFailure) -> LabeledTaskFile {
        let path = file.path
        let request = labeledLines
        // A slice scanned with the request has found its labeled lines already; any other is
        // matched here (a hash probe an id) and, with a request, its labeled lines read back
        // (only slices that a helper scanned while the sessions were still being read): split
        // over the slices on every core.
        let matched = JobResults<Result<[LabeledTaskLines.Found], InputError>>(count: parts.count)
        let file = file, parts = parts
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            if let labeled = parts[k].labeled {
                matched[k] = .success(labeled)
                return
            }
            matched[k] = Result { () throws(InputError) -> [LabeledTaskLines.Found] in
                var found: [LabeledTaskLines.Found] = []
                var buffer: [UInt8] = []
                let ids = parts[k].ids
                let judged = parts[k].judgedLengths, digests = parts[k].digests
                for t in 0..<ids.count {
                    guard let item = ids.withId(t, { lookup.item(utf8: $0) }) else { continue }
                    guard let request else {
                        found.append(LabeledTaskLines.Found(task: Int32(t), item: item,
                                                            line: .init(sha256: nil, lengthA: -1, lengthB: -1, group: nil)))
                        continue
                    }
                    if !judged.isEmpty, let line = LabeledTaskLines.line(item: Int(item), lengths: (judged[2 * t], judged[2 * t + 1]),
                                                                          digest: digests[t], request) {
                        found.append(LabeledTaskLines.Found(task: Int32(t), item: item, line: line))
                        continue
                    }
                    let record = parts[k].records[t]
                    if buffer.count < record.length { buffer = [UInt8](repeating: 0, count: max(record.length, 2 * buffer.count)) }
                    let line = buffer.withUnsafeMutableBytes { raw in
                        Result { () throws(InputError) -> LabeledTaskLines.Line in
                            try file.read(into: raw.baseAddress!, count: record.length, at: record.offset)
                            let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<record.length])
                            let lengths = judged.isEmpty ? ResponseLengths.judged(bytes) : (judged[2 * t], judged[2 * t + 1])
                            return LabeledTaskLines.line(bytes, item: Int(item), lengths: lengths, request)
                        }
                    }
                    found.append(LabeledTaskLines.Found(task: Int32(t), item: item, line: try line.get()))
                }
                return found
            }
        }
        var found: [[LabeledTaskLines.Found]] = []
        do throws(InputError) {
            for k in 0..<parts.count { found.append(try matched[k]!.get()) }
        } catch {
            throw ValidationFailure(errors: [error])
        }
        var lines = request.map { LabeledTaskLines(itemCount: items.count, grouped: $0.groupKey != nil) }
        var tasks = LabeledTaskFile.Items(count: items.count)
        var allIds = TaskIdTable()
        var allLines: [Int] = []
        var duplicateErrors: [InputError] = []
        let walked = walk { k, part, lineBase, taskBase, model in
            for hit in found[k] {
                let i = Int(hit.item), record = part.records[Int(hit.task)]
                guard tasks.position[i] < 0 else {
                    if duplicates == .labeledIds {
                        duplicateErrors.append(InputError(file: path, line: record.line + lineBase,
                                                          reason: "duplicate id \(JSONMessageText.quoted(items[i])) (first on line \(tasks.line[i]))"))
                    }
                    continue
                }
                tasks.position[i] = taskBase + Int(hit.task)
                lines?.set(i, hit.line)
                tasks.offset[i] = record.offset
                tasks.length[i] = record.length
                tasks.line[i] = record.line + lineBase
                tasks.modelA[i] = Int32(model(record.modelA)) - 1
                tasks.modelB[i] = Int32(model(record.modelB)) - 1
            }
            if duplicates == .allIds {
                allLines.append(contentsOf: part.records.lazy.map { $0.line + lineBase })
                allIds.append(contentsOf: part.ids)
            }
        }
        let taskCount = parts.reduce(0) { $0 + $1.records.count }
        var problems = walked.problems
        for error in duplicateErrors { problems.add(error) }
        switch duplicates {
        case .allIds:
            try problems.finish(path: path, ids: &allIds, taskCount: taskCount, line: { allLines[$0] })
        case .labeledIds:
            try problems.throwFirst()
            try TaskFileProblems.requireTasks(taskCount, path: path)
        }
        return LabeledTaskFile(file: file, count: taskCount, modelNames: walked.models, items: tasks, lines: lines)
    }
}
