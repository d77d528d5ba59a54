import Foundation
import PreferCore
import PreferTUI

/// A batch sitting's `TaskSource`: before each task it reads what the session files gained
/// since its last look (other raters' labels, skips and claims, and this sitting's own
/// lines), feeds it to the router, and shows what the router picks.
@MainActor
final class BatchTaskSource: TaskSource {
    private let file: TaskFile
    private let rater: String
    private let feed: BatchSessionFeed
    private(set) var router: BatchRouter
    private let now: () -> Date

    private let makeRouter: () -> BatchRouter

    /// - Parameters:
    ///   - sessionFile: this sitting's session file, whose own lines the router tells apart
    ///     from earlier sittings'.
    ///   - feed: the feed of the batch's sessions folder (`LabelingPlan` read ahead with it).
    init(inputs: BatchInputs, rater: String, sessionFile: String, feed: BatchSessionFeed, now: @escaping () -> Date = Date.init) {
        let batch = inputs.batch
        file = inputs.tasks
        self.rater = rater
        self.now = now
        self.feed = feed
        let ledger = BatchLedger(taskCount: inputs.tasks.count, gold: inputs.goldIndices, overlap: batch.overlap,
                                 maxOverlap: batch.maxOverlap, claimMinutes: batch.claimMinutes)
        let order = BatchShuffle.order(taskCount: inputs.tasks.count, gold: inputs.goldIndices, batchName: batch.name,
                                       rater: rater, order: batch.order)
        let raterNumber = feed.raterNumber(rater), sitting = feed.sittingNumber(ofFile: sessionFile)
        makeRouter = {
            BatchRouter(ledger: ledger, rater: rater, raterNumber: raterNumber, sitting: sitting, order: order,
                        batchName: batch.name, repeatRate: batch.repeatRate)
        }
        router = makeRouter()
    }

    func load(index: Int) throws -> LoadedTask {
        let task = try file.task(at: index)
        return LoadedTask(task: task, index: index, leftIsA: LeftSide.leftIsA(rater: rater, task: task.id))
    }

    func next() throws -> NextTask {
        let look = feed.look(in: file)
        // A file replaced or cut short: what was built from it may no longer be true.
        if look.startedOver { router = makeRouter() }
        router.apply(look.events)
        let moment = now()
        guard let pick = router.next(now: moment) else {
            return .nothingLeft(progress: BatchProgress(router.ledger, now: moment).sentence)
        }
        guard pick.isRepeat else { return .task(try load(index: pick.index)) }
        var task = try loadRepeat(index: pick.index)
        if let leftIsA = pick.leftIsA { task.leftIsA = leftIsA }
        return .task(task)
    }
}
