import Foundation
import PreferCore
import PreferTUI

/// Connects the labeling loop to the session file: stamps each record with the time and
/// appends it through the durable `SessionWriter` (one write, then fsync).
@MainActor
final class SessionSink: LabelSink {
    private let writer: SessionWriter
    /// Labels written in this sitting and not undone in it, for `session_end.labels`: the
    /// number the screen and the farewell line report (an undo on the screen only ever
    /// retracts a label of this sitting).
    private(set) var labelsWritten = 0

    init(writer: SessionWriter) {
        self.writer = writer
    }

    /// Writes `session_start`: what was labeled, with which guideline, by whom, on what screen.
    func start(plan: LabelingPlan, size: TerminalSize) throws {
        try start(tasks: plan.tasks, guideline: plan.guideline, scale: plan.scale, login: plan.login,
                  batch: plan.batch?.inputs.batch, size: size)
    }

    /// Writes `session_start` for any sitting on a task file (a label or a review sitting).
    func start(tasks: TaskFile, guideline: Guideline, scale: Scale, login: String, batch: BatchFile?,
               size: TerminalSize) throws {
        let info = SessionStartInfo(
            tasks: tasks.path, tasksSHA256: tasks.sha256,
            guideline: guideline.path, guidelineSHA256: guideline.sha256,
            scale: scale.values, tool: PreferVersion.tool, login: login,
            termColumns: size.cols, termRows: size.rows,
            batch: batch.map { .init(path: $0.path, sha256: $0.sha256) })
        try writer.append(SessionEvent(at: Date(), .sessionStart(info)))
    }

    func write(_ record: SessionEventBody) throws {
        try writer.append(SessionEvent(at: Date(), record))
        switch record {
        case .label: labelsWritten += 1
        case .undo: labelsWritten = max(0, labelsWritten - 1)
        default: break
        }
    }

    func end(reason: SessionEndReason) throws {
        guard !writer.hasFailed else { return }
        try writer.append(SessionEvent(at: Date(), .sessionEnd(labels: labelsWritten, reason: reason)))
    }
}
