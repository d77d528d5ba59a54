import Foundation
import PreferCore
import PreferTUI

/// Everything `prefer review` checks and reads before the screen opens: the task file and
/// guideline (from `--batch` or `--tasks`), the lead's name, every rater's effective labels
/// and the verdicts already in effect, and the queue of contested items.
struct ReviewPlan {
    var tasks: TaskFile
    var guideline: Guideline
    var batch: BatchFile?
    var sessionsRoot: String
    var lead: RaterName
    var login: String
    var scale: Scale
    /// The contested items in review order.
    var items: [ReviewItem]
    /// Warnings of the reading, shown before the screen opens.
    var warnings: [String]

    struct Options {
        var batchPath: String?
        var tasksPath: String?
        var guidelinePath: String?
        var paths: [String]
        var sessionsRoot: String
        var leadOverride: String?
        var scale: Scale?
        var minAgreement: Double?
    }

    static func prepare(_ options: Options) throws -> ReviewPlan {
        let lead = try LabelingPlan.raterName(options.leadOverride)
        let tasks: TaskFile
        let guideline: Guideline
        var batch: BatchFile?
        if let batchPath = options.batchPath {
            let inputs = try BatchInputs.open(batchPath: batchPath, advice: "the batch file given with --batch; fix it and try again")
            (tasks, guideline, batch) = (inputs.tasks, inputs.guideline, inputs.batch)
        } else {
            guard let tasksPath = options.tasksPath else {
                throw CommandFailure.badInput("say which tasks to review: --batch FILE, or --tasks FILE (with session PATHs)")
            }
            tasks = try LabelingPlan.loadTasks(tasksPath)
            guideline = try LabelingPlan.loadGuideline(options.guidelinePath)
        }
        // The one session-log reader and replay, as report and export read (labels with their
        // side, time and note; the verdicts in effect).
        let read = try CommandFailure.asBadInput {
            try ExportLabels.read(paths: options.paths.isEmpty ? [options.sessionsRoot] : options.paths, keeping: .labelFields)
        }
        var warnings = read.labelSet.warnings.map(\.description)
        let (items, leftOut) = try contestedItems(tasks: tasks, labels: read)
        if leftOut > 0 {
            warnings.append("left out \(Counted.noun(leftOut, "label or verdict", plural: "labels and verdicts")) of tasks not in \(tasks.path) or made on other content (task_sha256 differs)")
        }
        let choices = Set(items.flatMap { $0.votes.map(\.choice) })
        let scale = options.scale ?? batch?.scale
            ?? (choices.isSubset(of: Scale.pairwise.values) ? .pairwise
                : choices.isSubset(of: Scale.likert5.choices) ? .likert5 : .pairwise)
        return ReviewPlan(tasks: tasks, guideline: guideline, batch: batch, sessionsRoot: options.sessionsRoot,
                          lead: lead, login: RaterName.login ?? "unknown", scale: scale,
                          items: ReviewQueue.contested(items, minAgreement: options.minAgreement), warnings: warnings)
    }

    /// Every task of the file with at least one effective label of its content, with its
    /// votes (by rater) and the verdict in effect; and how many labels and verdicts were left
    /// out under the one task-file rule (`ExportLabels.tasksCounted`).
    static func contestedItems(tasks: TaskFile, labels read: ExportLabels) throws -> (items: [ReviewItem], leftOut: Int) {
        let counted = try read.tasksCounted(in: tasks)
        var votes: [Int: [ReviewVote]] = [:]
        for (label, at) in zip(read.effectiveLabels(), counted.labels) {
            guard let at else { continue }
            votes[at, default: []].append(ReviewVote(rater: label.rater, choice: label.choice, left: label.left,
                                                     ms: label.ms, note: label.note))
        }
        var verdicts: [Int: ReviewVerdict] = [:]
        for (verdict, at) in zip(read.labelSet.verdicts, counted.verdicts) {
            if let at { verdicts[at] = ReviewVerdict(choice: verdict.choice, note: verdict.note) }
        }
        let items = try votes.keys.sorted().map { at in
            ReviewItem(taskIndex: at, task: tasks.id(at: at), sha256: try counted.hashes[at] ?? tasks.taskSHA256(at: at),
                       votes: votes[at] ?? [], verdict: verdicts[at], modelA: tasks.modelA(at: at), modelB: tasks.modelB(at: at))
        }
        let leftOut = (counted.labels + counted.verdicts).lazy.filter { $0 == nil }.count
        return (items, leftOut)
    }
}
