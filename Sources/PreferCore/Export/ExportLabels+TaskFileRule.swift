/// SPEC §4's one rule for a command that holds the task file loaded whole (`prefer review`):
/// a label counts only when its task id is in the file and it was made on the task line as it
/// stands. Labels are decided by `madeOn`, the decision `TaskFileRule` (report) and the export
/// make; a verdict, which is not a coded label, as the export and `AdjudicationSummary` decide it.
extension ExportLabels {
    /// Which task (index in `tasks`) each effective label and each verdict counts for, nil for
    /// one left out; and the hash of every task line hashed on the way (each line once, and
    /// only when something names a `task_sha256` for it).
    public func tasksCounted(in tasks: TaskFile) throws(InputError)
        -> (labels: [Int?], verdicts: [Int?], hashes: [Int: String]) {
        var hashes: [Int: String] = [:]
        func sha256(at index: Int) throws(InputError) -> String {
            if let known = hashes[index] { return known }
            let sha = try tasks.taskSHA256(at: index)
            hashes[index] = sha
            return sha
        }
        let coded = labelSet.coded
        var labels: [Int?] = []
        for j in 0..<count {
            let index = tasks.index(of: coded.itemNames[Int(coded.item[j])])
            guard let index, namesTaskSHA256(j) else {
                labels.append(index)
                continue
            }
            labels.append(madeOn(j, sha256: try sha256(at: index)) ? index : nil)
        }
        var verdicts: [Int?] = []
        for verdict in labelSet.verdicts {
            let index = tasks.index(of: verdict.task)
            guard let index, let sha = verdict.taskSHA256 else {
                verdicts.append(index)
                continue
            }
            verdicts.append(sha == (try sha256(at: index)) ? index : nil)
        }
        return (labels, verdicts, hashes)
    }
}
