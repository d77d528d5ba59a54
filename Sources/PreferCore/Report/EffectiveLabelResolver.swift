/// Replays the label, undo and skip events that the workers of `SessionLabelReader` collected
/// into effective labels, with the rules of `EffectiveLabels` (SPEC §4): per (rater, task), the
/// last label or undo in the order (time, file base name, file path, line) decides; a skip
/// changes nothing. A line without `at` has already inherited the time of the closest earlier
/// timed line of its file (or −∞).
///
/// Instead of sorting every event, events are bucketed by task (a counting sort) and only each
/// task's handful of events is ordered.
enum EffectiveLabelResolver {
    static func resolve(workers: [SessionLabelReader.WorkerState], files: [String]) -> LabelSet {
        // Merge the per-worker name tables.
        var raters = NameTable(capacity: 64), tasks = NameTable(capacity: 1 << 14), choices = NameTable(capacity: 16)
        let raterMaps = workers.map { raters.merge($0.tables.raters) }
        let taskMaps = workers.map { tasks.merge($0.tables.tasks) }
        let choiceMaps = workers.map { choices.merge($0.tables.choices) }
        let fileRank = ranks(of: files)

        // Flatten every worker's events into global arrays (names remapped, files ranked).
        let total = workers.reduce(0) { $0 + $1.kind.count }
        var kind = [UInt8](repeating: 0, count: total), task = [Int32](repeating: 0, count: total)
        var rater = task, choice = task, fileOf = task, line = task
        var time = [Double](repeating: 0, count: total)
        var offset = 0
        for (w, state) in workers.enumerated() {
            let taskMap = taskMaps[w], raterMap = raterMaps[w], choiceMap = choiceMaps[w]
            for k in 0..<state.kind.count {
                let j = offset + k
                kind[j] = state.kind[k]
                task[j] = taskMap[Int(state.task[k])]
                rater[j] = raterMap[Int(state.rater[k])]
                choice[j] = state.choice[k] >= 0 ? choiceMap[Int(state.choice[k])] : -1
                fileOf[j] = fileRank[Int(state.file[k])]
                line[j] = state.line[k]
                time[j] = state.time[k]
            }
            offset += state.kind.count
        }
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
            var item: Int32 = -1
            for p in lo..<hi {
                let j = Int(byTask[p])
                // The last event of each rater decides.
                guard p + 1 == hi || rater[Int(byTask[p + 1])] != rater[j] else { continue }
                guard kind[j] == label else { continue }
                if item < 0 {
                    item = Int32(coded.itemNames.count)
                    coded.itemNames.append(tasks.names[t])
                }
                coded.item.append(item)
                coded.rater.append(rater[j])
                coded.choice.append(choice[j])
                coded.left.append(left[j])
                coded.milliseconds.append(milliseconds[j])
            }
        }
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
