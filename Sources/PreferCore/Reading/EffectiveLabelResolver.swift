/// Replays the label, undo and skip events that the workers of `SessionLabelReader` collected
/// into effective labels, with the rules of `EffectiveLabels` (SPEC §4): per (rater, task), the
/// last label or undo in the order of `SessionReplayOrder` (file rank, then line) decides; a
/// skip changes nothing.
///
/// Instead of sorting every event, events are bucketed by task (a counting sort) and only each
/// task's handful of events is ordered.
enum EffectiveLabelResolver {
    /// The effective labels, the lookup from task id to item, and per effective label its
    /// event (numbered across the workers in order).
    static func resolve(workers: [SessionLabelReader.WorkerData], files: [String], firstTimes: [Double?])
        -> (set: LabelSet, lookup: LabeledItemLookup, sources: [Int32]) {
        // Merge the per-worker name tables.
        // The first worker's tables become the global ones (its ids stay as they are), so only
        // the other workers' names are interned again.
        var raters = workers.first?.tables.raters ?? NameTable(capacity: 64)
        var tasks = workers.first?.tables.tasks ?? NameTable(capacity: 64)
        var choices = workers.first?.tables.choices ?? NameTable(capacity: 16)
        func identity(_ count: Int) -> [Int32] { (0..<Int32(count)).map { $0 } }
        let raterMaps = workers.indices.map { $0 == 0 ? identity(raters.count) : raters.merge(workers[$0].tables.raters) }
        let taskMaps = workers.indices.map { $0 == 0 ? identity(tasks.count) : tasks.merge(workers[$0].tables.tasks) }
        let choiceMaps = workers.indices.map { $0 == 0 ? identity(choices.count) : choices.merge(workers[$0].tables.choices) }
        let fileRank = SessionReplayOrder.ranks(files: files, firstTimes: firstTimes)

        var set = LabelSet()
        set.sittings = workers.reduce(0) { $0 + $1.sittings }
        set.sittingVersions = workers.reduce(into: Set<SittingVersion>()) { $0.formUnion($1.versions) }.sorted {
            ($0.rater, $0.guidelineSHA256 ?? "", $0.tasksSHA256 ?? "", $0.guideline ?? "", $0.tasks ?? "")
                < ($1.rater, $1.guidelineSHA256 ?? "", $1.tasksSHA256 ?? "", $1.guideline ?? "", $1.tasks ?? "")
        }
        let skip = SessionLineEvent.Kind.skip.rawValue, label = SessionLineEvent.Kind.label.rawValue
        let undo = SessionLineEvent.Kind.undo.rawValue
        for state in workers {
            for k in state.kind {
                if k == label { set.labelEvents += 1 } else if k == undo { set.undoEvents += 1 } else if k == skip { set.skipEvents += 1 }
            }
        }
        // Only labels and undos that are not batch repeats make effective labels (SPEC §10:
        // a repeat never changes one; the first label stands).
        @inline(__always) func replayed(_ state: SessionLabelReader.WorkerData, _ k: Int) -> Bool {
            (state.kind[k] == label || state.kind[k] == undo) && !state.isRepeat[k]
        }
        let scales = workers.reduce(into: Set<[String]>()) { $0.formUnion($1.scales) }
        if scales.count == 1, let only = scales.first { set.scaleHint = Scale.allCases.first { $0.values == only } }

        // Counting sort of the label and undo events by task (skips change nothing): each event
        // is copied once, as one compact record, into its task's bucket, so that replaying a
        // task reads consecutive memory instead of a dozen scattered columns.
        var bucketStart = [Int](repeating: 0, count: tasks.count + 1)
        for (w, state) in workers.enumerated() {
            let taskMap = taskMaps[w]
            for (k, t) in state.task.enumerated() where replayed(state, k) { bucketStart[Int(taskMap[Int(t)]) + 1] += 1 }
        }
        for t in 0..<tasks.count { bucketStart[t + 1] += bucketStart[t] }
        var fill = bucketStart
        var events = [Event](repeating: Event(), count: bucketStart[tasks.count])
        var eventBase = 0
        for (w, state) in workers.enumerated() {
            defer { eventBase += state.kind.count }
            let taskMap = taskMaps[w], raterMap = raterMaps[w], choiceMap = choiceMaps[w]
            for k in 0..<state.kind.count where replayed(state, k) {
                let t = Int(taskMap[Int(state.task[k])])
                let c = state.choice[k]
                events[fill[t]] = Event(milliseconds: state.milliseconds[k],
                                        rater: raterMap[Int(state.rater[k])], file: fileRank[Int(state.file[k])],
                                        line: state.line[k], choice: c >= 0 ? choiceMap[Int(c)] : -1,
                                        source: Int32(truncatingIfNeeded: eventBase + k),
                                        kind: state.kind[k], left: state.left[k])
                fill[t] += 1
            }
        }

        var coded = CodedLabels()
        coded.raterNames = raters.names
        coded.choiceNames = choices.names
        let total = events.count
        coded.item.reserveCapacity(total)
        coded.rater.reserveCapacity(total)
        coded.choice.reserveCapacity(total)
        coded.left.reserveCapacity(total)
        coded.milliseconds.reserveCapacity(total)
        var sources: [Int32] = []
        sources.reserveCapacity(total)
        var labeled = [Bool](repeating: false, count: tasks.count)
        events.withUnsafeMutableBufferPointer { e in
            for t in 0..<tasks.count {
                let lo = bucketStart[t], hi = bucketStart[t + 1]
                guard lo < hi else { continue }
                // Insertion sort: a task has a handful of events; a big group falls back to sort.
                if hi - lo > 24 {
                    e[lo..<hi].sort(by: Event.precedes)
                } else {
                    for p in (lo + 1)..<hi {
                        let current = e[p]
                        var q = p
                        while q > lo && Event.precedes(current, e[q - 1]) {
                            e[q] = e[q - 1]
                            q -= 1
                        }
                        e[q] = current
                    }
                }
                for p in lo..<hi {
                    // The last event of each rater decides.
                    guard p + 1 == hi || e[p + 1].rater != e[p].rater else { continue }
                    guard e[p].kind == label else { continue }
                    labeled[t] = true
                    coded.item.append(Int32(t))
                    coded.rater.append(e[p].rater)
                    coded.choice.append(e[p].choice)
                    coded.left.append(e[p].left)
                    coded.milliseconds.append(e[p].milliseconds)
                    sources.append(e[p].source)
                }
            }
        }
        // Items are the labeled tasks in name order, so the matrix's own sort is a linear pass.
        var itemOfTask = [Int32](repeating: -1, count: tasks.count)
        for t in tasks.sortedIDs() where labeled[Int(t)] {
            itemOfTask[Int(t)] = Int32(coded.itemNames.count)
            coded.itemNames.append(tasks.name(Int(t)))
        }
        // Repeats, each against its rater's effective label (the one count status makes too).
        var repeats: [(rater: String, task: String, choice: String)] = []
        for (w, state) in workers.enumerated() {
            for k in 0..<state.kind.count where state.kind[k] == label && state.isRepeat[k] && state.choice[k] >= 0 {
                repeats.append((raters.name(Int(raterMaps[w][Int(state.rater[k])])),
                                tasks.name(Int(taskMaps[w][Int(state.task[k])])),
                                choices.name(Int(choiceMaps[w][Int(state.choice[k])]))))
            }
        }
        if !repeats.isEmpty {
            var effective: [String: [String: String]] = [:]
            for j in coded.item.indices {
                let rater = coded.raterNames[Int(coded.rater[j])], task = tasks.name(Int(coded.item[j]))
                effective[rater, default: [:]][task] = coded.choiceNames[Int(coded.choice[j])]
            }
            set.repeatConsistency = RepeatConsistency.counts(repeats: repeats) { effective[$0]?[$1] }
        }
        for j in coded.item.indices { coded.item[j] = itemOfTask[Int(coded.item[j])] }
        set.coded = coded
        return (set, LabeledItemLookup(tasks: tasks, itemOfTask: itemOfTask), sources)
    }

    /// One label or undo event, as replay needs it.
    struct Event {
        var milliseconds = 0
        var rater: Int32 = 0
        var file: Int32 = 0
        var line: Int32 = 0
        var choice: Int32 = 0
        /// The event's number across all workers (fits in what would be padding).
        var source: Int32 = 0
        var kind: UInt8 = 0
        var left: Int8 = 0

        /// Replay order within one task: rater, then file rank, line.
        @inline(__always)
        static func precedes(_ a: Event, _ b: Event) -> Bool {
            if a.rater != b.rater { return a.rater < b.rater }
            if a.file != b.file { return a.file < b.file }
            return a.line < b.line
        }
    }
}
