import PreferCore
/// The screen after the last task: what this sitting did and how to leave.
enum DoneView {
    static func draw(_ state: AppState, in area: Rect, into grid: inout CellGrid) {
        var lines = ["All done. \(state.labeledThisSitting) labeled in this sitting"
                     + (state.skippedThisSitting > 0 ? ", \(state.skippedThisSitting) skipped" : "") + ".",
                     "\(state.labeledCount) of \(Counted.noun(state.totalTasks, "task")) in this set "
                     + (state.labeledCount == 1 ? "is" : "are") + " labeled; every label is saved."]
        if state.skippedThisSitting > 0 {
            lines.append("Skipped tasks come back in your next sitting.")
        }
        lines.append("")
        let undo: String
        switch state.history.last?.kind {
        case nil: undo = "."
        case .label?: undo = ", or u to undo your last label."
        case .skip?: undo = ", or u to go back to the task you skipped."
        }
        lines.append("Press q to quit" + undo)
        MessageBox.draw(title: "Finished", lines: lines, in: area, into: &grid)
    }
}
