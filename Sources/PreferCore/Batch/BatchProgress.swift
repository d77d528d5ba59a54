import Foundation

/// How far a batch is (SPEC §10 `status`, and the rater's "nothing left" screen), counted
/// from the ledger at one moment.
public struct BatchProgress: Sendable, Equatable {
    public var tasks = 0
    /// Tasks with every label they want (`overlap` with a strict majority, or `max_overlap`).
    public var done = 0
    /// Not done, with at least one effective label or a live claim.
    public var inProgress = 0
    /// No effective label and no live claim.
    public var untouched = 0
    /// At least `overlap` labels, no strict majority, still open for more (below `max_overlap`).
    public var contestedOpen = 0
    /// `max_overlap` labels reached without a strict majority.
    public var contestedAtMax = 0
    /// Tasks that got more labels than routing wanted (a race), and those extra labels.
    public var overLabeledTasks = 0
    public var extraLabels = 0
    /// Effective labels over all tasks, and the labels still wanted to reach `overlap` everywhere.
    public var labels = 0
    public var labelsStillWanted = 0

    public init() {}

    public init(_ ledger: BatchLedger, now: Date) {
        tasks = ledger.taskCount
        for task in 0..<ledger.taskCount {
            let count = ledger.labelCount(task)
            labels += count
            let extra = ledger.extraLabels(task)
            if extra > 0 {
                overLabeledTasks += 1
                extraLabels += extra
            }
            if count >= ledger.overlap && !ledger.hasStrictMajority(task) {
                if count >= ledger.maxOverlap { contestedAtMax += 1 } else { contestedOpen += 1 }
            }
            if ledger.isDone(task) {
                done += 1
            } else {
                labelsStillWanted += max(1, ledger.overlap - count)
                if count > 0 || ledger.liveClaims(on: task, except: nil, now: now) > 0 {
                    inProgress += 1
                } else {
                    untouched += 1
                }
            }
        }
    }

    /// One line for the rater's screen, e.g. `Batch: 41 of 60 tasks done, 12 in progress, 7 untouched.`
    public var sentence: String {
        "Batch: \(done) of \(Counted.noun(tasks, "task")) done, \(inProgress) in progress, \(untouched) untouched."
    }
}
