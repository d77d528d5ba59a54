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

    /// - Parameters:
    ///   - tasksPath: `--tasks`, or nil for the built-in demo.
    ///   - guidelinePath: `--guideline`, or nil for the built-in default guideline.
    static func prepare(tasksPath: String?, guidelinePath: String?, sessionsRoot: String,
                        raterOverride: String?, scale: Scale, requireRead: Bool) throws -> LabelingPlan {
        let login = RaterName.login ?? "unknown"
        let rater: RaterName
        do {
            rater = try raterOverride.map { try RaterName($0) } ?? RaterName.defaultName()
        } catch {
            throw CommandFailure.badInput(String(describing: error))
        }
        let tasks = try loadTasks(tasksPath)
        let guideline = try loadGuideline(guidelinePath)
        let prior: PriorLabels
        do {
            prior = try PriorLabels.read(sessionsRoot: sessionsRoot, rater: rater)
        } catch {
            throw CommandFailure.badInput(String(describing: error))
        }
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
    private static func loadTasks(_ path: String?) throws -> TaskFile {
        do {
            guard let path else { return try TaskFile.load(bundled: .demoTasks) }
            return try TaskFile.load(path: path)
        } catch {
            let origin = path == nil ? "the built-in demo" : "the task file given with --tasks"
            throw CommandFailure.badInput(error.description + "\n(\(origin); nothing was labeled, fix the file and try again)")
        }
    }

    /// The guideline given with `--guideline`, or the built-in default.
    private static func loadGuideline(_ path: String?) throws -> Guideline {
        do {
            guard let path else { return try Guideline.load(bundled: .defaultGuideline) }
            return try Guideline.load(path: path)
        } catch {
            let origin = path == nil ? "the built-in guideline" : "the guideline given with --guideline"
            throw CommandFailure.badInput(error.description + "\n(\(origin); nothing was labeled, fix the file and try again)")
        }
    }
}
