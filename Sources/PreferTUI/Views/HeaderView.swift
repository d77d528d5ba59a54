import Foundation

/// The top row: who is labeling (or reviewing) which task set, and how far along they are.
enum HeaderView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        draw(" prefer · \(state.config.rater) · ", taskSet: state.config.taskSetName, progress: progressText(state),
             in: rect, into: &grid)
    }

    /// The row on either screen: `left`, as much of the end of the task set's name as fits,
    /// and `progress` in bold at the right.
    static func draw(_ left: String, taskSet: String, progress: String, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect, with: Cell(" ", style: .reverse))
        let room = rect.width - DisplayWidth.of(left) - DisplayWidth.of(progress) - 2
        let shownSet = room <= 1 ? "" : truncateLeft(Sanitizer.singleLine(taskSet), to: room)
        grid.put(text: left + shownSet, row: rect.y, col: rect.x, maxWidth: rect.width, style: .reverse)
        let progressCol = rect.x + rect.width - DisplayWidth.of(progress) - 1
        grid.put(text: progress, row: rect.y, col: max(rect.x, progressCol), maxWidth: rect.width, style: [.reverse, .bold])
    }

    /// `7/24 · 29% · ~4m left`: labeled (this and earlier sittings) of all tasks, and a time
    /// estimate from this sitting's pace once there is one (`<1m left` near the end: the
    /// `<` already says it is an estimate).
    static func progressText(_ state: AppState) -> String {
        let done = state.labeledCount
        let total = state.totalTasks
        let percent = total == 0 ? 100 : done * 100 / total
        var text = "\(done)/\(total) · \(percent)%"
        let remaining = state.queue.count + (state.current == nil ? 0 : 1)
        if state.labeledThisSitting > 0, remaining > 0 {
            let perLabel = state.labelingMsThisSitting / state.labeledThisSitting
            let left = duration(ms: perLabel * remaining)
            text += " · " + (left.hasPrefix("<") ? left : "~" + left) + " left"
        }
        return text
    }

    static func duration(ms: Int) -> String {
        let minutes = (ms + 30_000) / 60_000
        if minutes < 1 { return "<1m" }
        if minutes < 60 { return "\(minutes)m" }
        return "\(minutes / 60)h\(String(format: "%02d", minutes % 60))m"
    }

    /// Keeps the end of a long path, which tells files apart better than its start.
    static func truncateLeft(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = ""
        var used = 1
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            kept.insert(character, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }
}
