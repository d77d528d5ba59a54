import Foundation
import PreferCore
import PreferTUI
import PreferTerminal

/// One sitting at the labeling screen: opens it (`ScreenSitting`: the terminal first, so a
/// bad `TERM` touches no file, then the session file), runs the loop, and leaves both in order.
@MainActor
struct LabelingSitting {
    let plan: LabelingPlan

    func run() throws {
        let sitting = try ScreenSitting.open(sessionsRoot: plan.sessionsRoot, rater: plan.rater) { sink, size in
            try sink.start(plan: plan, size: size)
        }
        let config = LabelingConfig(
            rater: plan.rater.value, taskSetName: plan.tasks.path, scale: plan.scale,
            requireRead: plan.requireRead, guideline: plan.guideline.text, routed: plan.batch != nil)
        let state = AppState(config: config, size: sitting.terminal.size, queue: plan.queue,
                             totalTasks: plan.tasks.count, labeledCount: plan.alreadyLabeled)
        let source: TaskSource = plan.batch.map {
            BatchTaskSource(inputs: $0.inputs, rater: plan.rater.value, sessionFile: sitting.writer.filePath, feed: $0.feed)
        } ?? TaskFileSource(file: plan.tasks, rater: plan.rater.value)
        try sitting.run(LabelingProgram(keyMap: KeyMap(scale: plan.scale)), from: state, tasks: source,
                        failure: { if case .failed(let message) = $0.mode { message } else { nil } }) { final in
            "\(Counted.noun(final.labeledThisSitting, "label")) saved this sitting in \(sitting.writer.filePath) (\(final.labeledCount)/\(final.totalTasks) done)."
        }
    }
}
