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

    static func prepare(tasksPath: String, guidelinePath: String, sessionsRoot: String,
                        raterOverride: String?, scale: Scale, requireRead: Bool) throws -> LabelingPlan {
        let login = RaterName.login ?? "unknown"
        let rater: RaterName
        do {
            rater = try raterOverride.map { try RaterName($0) } ?? RaterName.defaultName()
        } catch {
            throw CommandFailure.badInput(String(describing: error))
        }
        let tasks: TaskFile
        let guideline: Guideline
        do {
            tasks = try TaskFile.load(path: tasksPath)
            guideline = try Guideline.load(path: guidelinePath)
        } catch let failure as ValidationFailure {
            throw CommandFailure.badInput(failure.description + "\nNothing was labeled; fix the file and try again.")
        } catch let error as InputError {
            var message = error.description
            if tasksPath == LabelDefaults.tasks && error.file == tasksPath {
                message += "\n(the demo opens when prefer runs in its repository; elsewhere pass --tasks FILE)"
            }
            throw CommandFailure.badInput(message)
        }
        let prior: PriorLabels
        do {
            prior = try SessionReader.priorLabels(sessionsRoot: sessionsRoot, rater: rater)
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
}
