import Foundation
import PreferCore
import PreferTUI

/// One sitting at the review screen: like a labeling sitting, the terminal opens first (a
/// bad `TERM` touches no file), then the lead's own session file (flock per lead), and
/// every verdict goes through the same `SessionSink` and `ScreenRuntime`: one write, fsync,
/// before the screen moves on.
@MainActor
struct ReviewSitting {
    let plan: ReviewPlan
    let showModels: Bool

    func run() throws {
        let sitting = try ScreenSitting.open(sessionsRoot: plan.sessionsRoot, rater: plan.lead) { sink, size in
            try sink.start(tasks: plan.tasks, guideline: plan.guideline, scale: plan.scale, login: plan.login,
                           batch: plan.batch, size: size)
        }
        let config = ReviewConfig(lead: plan.lead.value, taskSetName: plan.tasks.path, scale: plan.scale,
                                  guideline: plan.guideline.text, showModels: showModels)
        let state = ReviewState(config: config, size: sitting.terminal.size, items: plan.items,
                                position: ReviewQueue.resumePosition(plan.items))
        try sitting.run(ReviewProgram(scale: plan.scale), from: state, tasks: TaskFileSource(file: plan.tasks, leftIsA: { _ in true }),
                        failure: { if case .failed(let message) = $0.mode { message } else { nil } }) { final in
            "\(Counted.noun(final.verdictsThisSitting, "verdict")) saved this sitting in \(sitting.writer.filePath) (\(final.adjudicatedCount)/\(final.items.count) contested items adjudicated)."
        }
    }
}
