import Foundation

/// `prefer status --batch` (SPEC §10): how far a batch is and how each rater is doing,
/// from the same events and ledger the router uses, so the numbers agree with routing.
public struct BatchStatus: Sendable {
    public struct Rater: Sendable, Equatable {
        public var name: String
        /// Effective labels on this batch's tasks (repeats not counted).
        public var labels = 0
        /// Label events, repeats included, and repeats alone.
        public var labelEvents = 0
        public var repeats = 0
        /// Label events per hour between the rater's first and last label (nil with fewer than 2).
        public var labelsPerHour: Double?
        /// Median `ms` over the rater's label events (the report's median: the mean of the
        /// middle two for an even count).
        public var medianMs: Double?
        /// The latest `at` of any of the rater's events.
        public var lastSeen: Date?
        public var consistency = RepeatConsistency.Counts()
    }

    public var name: String
    public var progress: BatchProgress
    public var raters: [Rater]
    /// Hours until every task has its `overlap` labels at the raters' summed pace (nil when
    /// no pace is known, 0 when done). Contested tasks may take more.
    public var hoursLeft: Double?

    /// Builds the status from every event of the sessions folder at `now`, whose numbers
    /// `names` gives.
    public init(inputs: BatchInputs, events: [RoutingEvent], names: RoutingNames, now: Date) {
        let batch = inputs.batch
        name = batch.name
        var ledger = BatchLedger(taskCount: inputs.tasks.count, gold: inputs.goldIndices,
                                 overlap: batch.overlap, maxOverlap: batch.maxOverlap, claimMinutes: batch.claimMinutes)
        var consistency = RepeatConsistency()
        var times: [Int32: [Date]] = [:]
        var ms: [Int32: [Int]] = [:]
        var lastSeen: [Int32: Date] = [:]
        var labelEvents: [Int32: Int] = [:], repeats: [Int32: Int] = [:]
        for event in events {
            if let at = event.at { lastSeen[event.rater] = max(lastSeen[event.rater] ?? at, at) }
            guard event.task != RoutingEvent.noTask || event.kind == .end else { continue }
            ledger.apply(event)
            consistency.apply(event)
            if case .label = event.kind {
                labelEvents[event.rater, default: 0] += 1
                if event.isRepeat { repeats[event.rater, default: 0] += 1 }
                if let at = event.at { times[event.rater, default: []].append(at) }
                if let value = event.milliseconds { ms[event.rater, default: []].append(value) }
            }
        }
        progress = BatchProgress(ledger, now: now)
        let effective = ledger.labelsByRater()
        let byName = consistency.byRater(names, ledger: ledger)
        let numbers = Set(lastSeen.keys).union(labelEvents.keys).sorted { names.raters[Int($0)] < names.raters[Int($1)] }
        raters = numbers.map { number in
            let name = names.raters[Int(number)]
            var rater = Rater(name: name)
            rater.labels = effective[number] ?? 0
            rater.labelEvents = labelEvents[number] ?? 0
            rater.repeats = repeats[number] ?? 0
            if let t = times[number], t.count >= 2, let first = t.min(), let last = t.max(), last > first {
                rater.labelsPerHour = Double(t.count - 1) / (last.timeIntervalSince(first) / 3600)
            }
            if var values = ms[number], case .value(let median) = RatingMatrix.median(&values) {
                rater.medianMs = median
            }
            rater.lastSeen = lastSeen[number]
            rater.consistency = byName[name] ?? .init()
            return rater
        }
        let pace = raters.compactMap(\.labelsPerHour).reduce(0, +)
        if progress.labelsStillWanted == 0 || progress.done == progress.tasks {
            hoursLeft = 0
        } else if pace > 0 {
            hoursLeft = Double(progress.labelsStillWanted) / pace
        }
    }

    /// Whether every task has the labels it wants.
    public var isDone: Bool { progress.done == progress.tasks }
}
