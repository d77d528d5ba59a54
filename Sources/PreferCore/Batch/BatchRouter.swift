import Foundation

/// Chooses the next task of one rater's batch sitting (SPEC §10), from the batch's ledger
/// and the rater's own history. Pure: the runtime feeds it the events the session files hold
/// (other raters' new lines and this sitting's own) and asks for the next pick.
///
/// The next task is the first in the rater's order that the rater has not labeled (in any
/// sitting) or skipped in this sitting, and that the ledger says wants a label from them. At
/// `repeat_rate`, a pick is instead a repeat of a task the rater labeled at least
/// `repeatDistance` labels earlier and has not repeated, with the sides swapped.
public struct BatchRouter: Sendable {
    public private(set) var ledger: BatchLedger
    public let rater: String
    /// This sitting (`RoutingEvent.sitting`: the number of its session file's name).
    public let sitting: Int32
    /// The rater's order of task indices (`BatchShuffle.order`).
    public let order: [Int]
    public let batchName: String
    public let repeatRate: Double
    /// How many labels must come between a label and its repeat.
    public static let repeatDistance = 10

    /// The rater's `RoutingNames` number.
    private let raterID: Int32
    /// Per task: labeled (effectively) by this rater in any sitting, or labeled or skipped
    /// in this sitting — either way not offered again now.
    private var settled: [Bool]
    /// The rater's effective labels: task → (the rater's label count when it was made, side).
    private var ownLabels: [Int: (number: Int, left: ResponseSide?)] = [:]
    /// Every label of this rater, repeats included: the clock of the repeat distance.
    public private(set) var ownLabelCount = 0
    private var repeated: Set<Int> = []
    private var skippedNow: Set<Int> = []

    /// - Parameters:
    ///   - rater: the rater's name (their repeat draws) and `RoutingNames` number.
    public init(ledger: BatchLedger, rater: String, raterNumber: Int32, sitting: Int32, order: [Int], batchName: String,
                repeatRate: Double) {
        raterID = raterNumber
        self.ledger = ledger
        self.rater = rater
        self.sitting = sitting
        self.order = order
        self.batchName = batchName
        self.repeatRate = repeatRate
        settled = Array(repeating: false, count: ledger.taskCount)
    }

    /// Applies `events` in order (one access to the router for the 600,000 events of a
    /// start-up, not one per event).
    public mutating func apply(_ events: [RoutingEvent]) {
        for event in events { apply(event) }
    }

    /// Applies one event of any rater, this one included.
    public mutating func apply(_ event: RoutingEvent) {
        ledger.apply(event)
        guard event.rater == raterID, event.task >= 0, Int(event.task) < ledger.taskCount else { return }
        let task = Int(event.task)
        let now = event.sitting == sitting
        switch event.kind {
        case .label(_, let left):
            ownLabelCount += 1
            if event.isRepeat {
                repeated.insert(task)
            } else if ownLabels[task] == nil {
                ownLabels[task] = (ownLabelCount, left)
            }
            settled[task] = true
        case .undo:
            if event.isRepeat {
                repeated.remove(task)
            } else {
                ownLabels[task] = nil
                settled[task] = skippedNow.contains(task)
            }
        case .skip:
            if now {
                skippedNow.insert(task)
                settled[task] = true
            }
        case .shown, .end:
            break
        }
    }

    /// Takes back a skip of this sitting (the screen's `u` on a skip writes nothing).
    public mutating func unskip(_ task: Int) {
        skippedNow.remove(task)
        settled[task] = ownLabels[task] != nil
    }

    /// The next task for this rater at `now`, or nil: nothing left for them in this batch.
    public func next(now: Date) -> BatchPick? {
        guard let plain = firstWanted(now: now) else { return nil }
        if let repeatPick = repeatDue() { return repeatPick }
        return BatchPick(index: plain)
    }

    /// The first task in the rater's order that wants their label now.
    public func firstWanted(now: Date) -> Int? {
        for task in order where !settled[task] {
            if ledger.wantsLabel(task, from: raterID, now: now) { return task }
        }
        return nil
    }

    /// A repeat, when the draw for the rater's current label count says so and a task
    /// labeled far enough back is left to repeat: chosen among those by the same draw.
    func repeatDue() -> BatchPick? {
        guard repeatRate > 0 else { return nil }
        let draw = BatchShuffle.repeatDraw(batchName: batchName, rater: rater, labelNumber: ownLabelCount)
        guard Double(draw >> 11) / Double(1 << 53) < repeatRate else { return nil }
        let candidates = ownLabels.filter { task, label in
            ownLabelCount - label.number >= Self.repeatDistance && !repeated.contains(task) && !skippedNow.contains(task)
        }.sorted { $0.value.number < $1.value.number }
        guard !candidates.isEmpty else { return nil }
        let (task, label) = candidates[Int(SplitMix64.mix(draw) % UInt64(candidates.count))]
        // The sides swapped from the first label's (the usual side when it was not recorded).
        return BatchPick(index: task, isRepeat: true, leftIsA: label.left.map { $0 == .b })
    }
}
