import PreferCore
/// The screen after the last task: what this sitting did and how to leave.
enum DoneView {
    static func draw(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
        if let progress = state.batchProgress {
            drawNothingLeft(state, progress: progress, in: area, into: &grid)
            return
        }
        var lines = ["All done. \(state.labeledThisSitting) labeled in this sitting"
                     + (state.skippedThisSitting > 0 ? ", \(state.skippedThisSitting) skipped" : "") + ".",
                     "\(state.labeledCount) of \(Counted.noun(state.totalTasks, "task")) in this set "
                     + (state.labeledCount == 1 ? "is" : "are") + " labeled; every label is saved."]
        if state.skippedThisSitting > 0 {
            lines.append("Skipped tasks come back in your next sitting.")
        }
        lines.append("")
        lines.append(quitLine(state))
        MessageBox.draw(title: "Finished", lines: lines, in: area, into: &grid)
    }

    /// A batch rater at the end of what the router has for them: the batch may still be
    /// going (others are labeling), so the screen says how far it is, not "all done".
    private static func drawNothingLeft(_ state: AppState, progress: String, in area: Rect, into grid: inout CellGrid) {
        var lines = ["Nothing left for you in this batch.",
                     "\(state.labeledThisSitting) labeled in this sitting"
                     + (state.skippedThisSitting > 0 ? ", \(state.skippedThisSitting) skipped" : "") + "; every label is saved."]
        if !progress.isEmpty { lines.append(progress) }
        lines.append("")
        lines.append(quitLine(state))
        MessageBox.draw(title: "Batch", lines: lines, in: area, into: &grid)
    }

    /// How to leave, and what `u` would take back (only offered when there is something).
    private static func quitLine(_ state: AppState) -> String {
        switch state.history.last?.kind {
        case nil: return "Press q to quit."
        case .label?: return "Press q to quit, or u to undo your last label."
        case .skip?: return "Press q to quit, or u to go back to the task you skipped."
        }
    }
}
