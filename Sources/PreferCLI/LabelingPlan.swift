import Foundation
import PreferCore
import PreferTUI

/// Everything `prefer label` checks before it touches the terminal or a file: the task file
/// and guideline are valid, the rater name is safe, and the tasks left to label are known.
struct LabelingPlan {
    var tasks: TaskFile
    var guideline: Guideline
    var sessionsRoot: String
    var rater: RaterName
    var login: String
    var scale: Scale
    var requireRead: Bool
    /// Task indices not yet labeled by this rater (same `task_sha256`), in file order.
    var queue: [Int]
    var alreadyLabeled: Int
    /// The batch this sitting is routed by (`--batch`), and the feed of its sessions folder
    /// (read once already); nil for a plain `--tasks` sitting.
    var batch: (inputs: BatchInputs, feed: BatchSessionFeed)? = nil

    /// - Parameters:
    ///   - tasksPath: `--tasks`, or nil for the built-in demo.
    ///   - guidelinePath: `--guideline`, or nil for the built-in default guideline.
    static func prepare(tasksPath: String?, guidelinePath: String?, sessionsRoot: String,
                        raterOverride: String?, scale: Scale, requireRead: Bool) throws -> LabelingPlan {
        let rater = try raterName(raterOverride)
        let tasks = try loadTasks(tasksPath)
        let guideline = try loadGuideline(guidelinePath)
        return try prepare(tasks: tasks, guideline: guideline, sessionsRoot: sessionsRoot, rater: rater,
                           scale: scale, requireRead: requireRead)
    }

    /// A batch sitting: every setting comes from the batch file (SPEC §10); only the rater
    /// and the sessions folder come from the command line, and the rater must be on the
    /// batch's `raters` list when it has one.
    static func prepare(batchPath: String, sessionsRoot: String, raterOverride: String?) throws -> LabelingPlan {
        let rater = try raterName(raterOverride)
        // The session files are read on a thread of their own while the task file is checked
        // (on every core) and the rater's own labels are read; the feed is the sitting's
        // after. The reading has a worker per core too: the check ends first, and its cores
        // then go to what is left of the reading.
        let feed = BatchSessionFeed(sessionsRoot: sessionsRoot)
        let readDone = DispatchSemaphore(value: 0)
        Thread { feed.readAhead(); readDone.signal() }.start()
        defer { readDone.wait() }
        let inputs = try BatchInputs.open(batchPath: batchPath,
                                          advice: "the batch file given with --batch; nothing was labeled, fix it and try again")
        try inputs.admit(rater, advice: "; ask the lead to add you")
        let batch = inputs.batch
        var plan = try prepare(tasks: inputs.tasks, guideline: inputs.guideline, sessionsRoot: sessionsRoot,
                               rater: rater, scale: batch.scale, requireRead: batch.requireRead)
        plan.batch = (inputs, feed)
        return plan
    }

    /// `--rater` or raters' NAME (nil: the login's) as a rater name; a bad one is bad input.
    static func raterName(_ override: String?) throws -> RaterName {
        try CommandFailure.asBadInput { try override.map { try RaterName($0) } ?? RaterName.defaultName() }
    }

    private static func prepare(tasks: TaskFile, guideline: Guideline, sessionsRoot: String, rater: RaterName,
                                scale: Scale, requireRead: Bool) throws -> LabelingPlan {
        let login = RaterName.login ?? "unknown"
        let prior = try CommandFailure.asBadInput { try PriorLabels.read(sessionsRoot: sessionsRoot, rater: rater) }
        var queue: [Int] = []
        var labeled = 0
        for index in 0..<tasks.count {
            if let label = prior.labeled[tasks.id(at: index)], let sha = label.taskSHA256,
               (try? tasks.taskSHA256(at: index)) == sha {
                labeled += 1
            } else {
                queue.append(index)
            }
        }
        return LabelingPlan(tasks: tasks, guideline: guideline, sessionsRoot: sessionsRoot,
                            rater: rater, login: login, scale: scale, requireRead: requireRead,
                            queue: queue, alreadyLabeled: labeled)
    }

    /// The task file given with `--tasks`, or the built-in demo. A problem with a file the
    /// rater named says which option named it, since the rater may not have typed it just now.
    static func loadTasks(_ path: String?) throws -> TaskFile {
        try CommandFailure.asBadInput(adding: advice(path == nil ? "the built-in demo" : "the task file given with --tasks")) {
            try path.map { try TaskFile.load(path: $0) } ?? TaskFile.load(bundled: .demoTasks)
        }
    }

    /// The guideline given with `--guideline`, or the built-in default.
    static func loadGuideline(_ path: String?) throws -> Guideline {
        try CommandFailure.asBadInput(adding: advice(path == nil ? "the built-in guideline" : "the guideline given with --guideline")) {
            try path.map { try Guideline.load(path: $0) } ?? Guideline.load(bundled: .defaultGuideline)
        }
    }

    /// What ends a problem with a file the rater named: which option (or built-in) it is.
    private static func advice(_ origin: String) -> String { "\n(\(origin); nothing was labeled, fix the file and try again)" }
}
