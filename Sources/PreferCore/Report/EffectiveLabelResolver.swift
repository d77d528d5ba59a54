/// Replays the label, undo and skip events that the workers of `SessionLabelReader` collected
/// into effective labels, with the rules of `EffectiveLabels` (SPEC §4): per (rater, task), the
/// last label or undo in the order (time, file base name, file path, line) decides; a skip
/// changes nothing. A line without `at` has already inherited the time of the closest earlier
/// timed line of its file (or −∞).
///
/// Instead of sorting every event, events are bucketed by task (a counting sort) and only each
/// task's handful of events is ordered.
enum EffectiveLabelResolver {
    static func resolve(workers: [SessionLabelReader.WorkerData], files: [String]) -> LabelSet {
        // Merge the per-worker name tables.
        var raters = NameTable(capacity: 64), tasks = NameTable(capacity: 1 << 14), choices = NameTable(capacity: 16)
        let raterMaps = workers.map { raters.merge($0.tables.raters) }
        let taskMaps = workers.map { tasks.merge($0.tables.tasks) }
        let choiceMaps = workers.map { choices.merge($0.tables.choices) }
        let fileRank = ranks(of: files)

        // Flatten every worker's events into global arrays (names remapped, files ranked).
        let total = workers.reduce(0) { $0 + $1.kind.count }
        var kindColumn = [UInt8](), taskColumn = [Int32](), raterColumn = [Int32](), choiceColumn = [Int32]()
        var fileColumn = [Int32](), lineColumn = [Int32](), timeColumn = [Double]()
        kindColumn.reserveCapacity(total); taskColumn.reserveCapacity(total); raterColumn.reserveCapacity(total)
        choiceColumn.reserveCapacity(total); fileColumn.reserveCapacity(total); lineColumn.reserveCapacity(total)
        timeColumn.reserveCapacity(total)
        for (w, state) in workers.enumerated() {
            let taskMap = taskMaps[w], raterMap = raterMaps[w], choiceMap = choiceMaps[w]
            kindColumn.append(contentsOf: state.kind)
            taskColumn.append(contentsOf: state.task.lazy.map { taskMap[Int($0)] })
            raterColumn.append(contentsOf: state.rater.lazy.map { raterMap[Int($0)] })
            choiceColumn.append(contentsOf: state.choice.lazy.map { $0 >= 0 ? choiceMap[Int($0)] : -1 })
            fileColumn.append(contentsOf: state.file.lazy.map { fileRank[Int($0)] })
            lineColumn.append(contentsOf: state.line)
            timeColumn.append(contentsOf: state.time)
        }
        let kind = kindColumn, task = taskColumn, rater = raterColumn, choice = choiceColumn
        let fileOf = fileColumn, line = lineColumn, time = timeColumn
        let left = workers.flatMap(\.left), milliseconds = workers.flatMap(\.milliseconds)

        var set = LabelSet()
        set.sittings = workers.reduce(0) { $0 + $1.sittings }
        for k in kind {
            switch k {
            case SessionLineEvent.Kind.label.rawValue: set.labelEvents += 1
            case SessionLineEvent.Kind.undo.rawValue: set.undoEvents += 1
            default: set.skipEvents += 1
            }
        }
        let scales = workers.reduce(into: Set<[String]>()) { $0.formUnion($1.scales) }
        if scales.count == 1, let only = scales.first { set.scaleHint = Scale.allCases.first { $0.values == only } }

        // Counting sort of the label and undo events by task (skips change nothing).
        let skip = SessionLineEvent.Kind.skip.rawValue, label = SessionLineEvent.Kind.label.rawValue
        var bucketStart = [Int](repeating: 0, count: tasks.count + 1)
        for j in 0..<total where kind[j] != skip { bucketStart[Int(task[j]) + 1] += 1 }
        for t in 0..<tasks.count { bucketStart[t + 1] += bucketStart[t] }
        var fill = bucketStart
        var byTask = [Int32](repeating: 0, count: bucketStart[tasks.count])
        for j in 0..<total where kind[j] != skip {
            byTask[fill[Int(task[j])]] = Int32(j)
            fill[Int(task[j])] += 1
        }

        /// Replay order within one task: rater, then time, file, line.
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let x = Int(a), y = Int(b)
            if rater[x] != rater[y] { return rater[x] < rater[y] }
            if time[x] != time[y] { return time[x] < time[y] }
            if fileOf[x] != fileOf[y] { return fileOf[x] < fileOf[y] }
            return line[x] < line[y]
        }

        var coded = CodedLabels()
        coded.raterNames = raters.names
        coded.choiceNames = choices.names
        coded.item.reserveCapacity(total)
        coded.rater.reserveCapacity(total)
        coded.choice.reserveCapacity(total)
        coded.left.reserveCapacity(total)
        coded.milliseconds.reserveCapacity(total)
        var labeled = [Bool](repeating: false, count: tasks.count)
        for t in 0..<tasks.count {
            let lo = bucketStart[t], hi = bucketStart[t + 1]
            guard lo < hi else { continue }
            // Insertion sort: a task has a handful of events; a big group falls back to sort.
            if hi - lo > 24 {
                byTask[lo..<hi].sort(by: precedes)
            } else {
                for p in (lo + 1)..<hi {
                    let current = byTask[p]
                    var q = p
                    while q > lo && precedes(current, byTask[q - 1]) {
                        byTask[q] = byTask[q - 1]
                        q -= 1
                    }
                    byTask[q] = current
                }
            }
            for p in lo..<hi {
                let j = Int(byTask[p])
                // The last event of each rater decides.
                guard p + 1 == hi || rater[Int(byTask[p + 1])] != rater[j] else { continue }
                guard kind[j] == label else { continue }
                labeled[t] = true
                coded.item.append(Int32(t))
                coded.rater.append(rater[j])
                coded.choice.append(choice[j])
                coded.left.append(left[j])
                coded.milliseconds.append(milliseconds[j])
            }
        }
        // Items are the labeled tasks in name order, so the matrix's own sort is a linear pass.
        var itemOfTask = [Int32](repeating: -1, count: tasks.count)
        for t in tasks.sortedIDs() where labeled[Int(t)] {
            itemOfTask[Int(t)] = Int32(coded.itemNames.count)
            coded.itemNames.append(tasks.names[Int(t)])
        }
        for j in coded.item.indices { coded.item[j] = itemOfTask[Int(coded.item[j])] }
        set.coded = coded
        return set
    }

    /// Each file's place in the replay order of equal times: by base name, then full path
    /// (bytewise), as `EffectiveLabels` orders them.
    static func ranks(of files: [String]) -> [Int32] {
        let keys = files.map { path -> ([UInt8], [UInt8]) in
            let base = path.split(separator: "/").last.map(String.init) ?? path
            return (Array(base.utf8), Array(path.utf8))
        }
        let order = files.indices.sorted { a, b in
            if keys[a].0 != keys[b].0 { return keys[a].0.lexicographicallyPrecedes(keys[b].0) }
            return keys[a].1.lexicographicallyPrecedes(keys[b].1)
        }
        var rank = [Int32](repeating: 0, count: files.count)
        for (r, index) in order.enumerated() { rank[index] = Int32(r) }
        return rank
    }
}
