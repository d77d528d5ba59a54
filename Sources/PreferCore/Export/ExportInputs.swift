import Foundation

/// Reads what an export needs, as a report reads it: the task file's validating scan starts
/// first, on a thread of its own, while the session files are read and replayed on every
/// core; every thread then joins the scan.
public enum ExportInputs {
    /// The effective labels of `sessionPaths` and the task file `tasksPath` matched to them.
    /// Session problems come first; a task file is not reported on when the sessions fail.
    /// `keeping` as in `ExportLabels.read`.
    public static func read(sessionPaths: [String], tasksPath: String, workers: Int? = nil,
                            keeping: SessionLineKeeping = .labelFields,
                            skipUnreadable: Bool = false) throws(ValidationFailure) -> (labels: ExportLabels, tasks: ExportTasks) {
        let scan = TaskFileScan(path: tasksPath, rerun: "export again")
        if (workers ?? ProcessInfo.processInfo.activeProcessorCount) > 1 { scan.startHelper() }
        let labels: ExportLabels
        do {
            labels = try ExportLabels.read(paths: sessionPaths, workers: workers, keeping: keeping,
                                           skipUnreadable: skipUnreadable)
        } catch {
            scan.stop()
            throw error
        }
        return (labels, try ExportTasks.index(scan, lookup: labels.lookup, items: labels.labelSet.coded.itemNames.count))
    }
}
