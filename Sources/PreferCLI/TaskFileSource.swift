import PreferCore
import PreferTUI

/// Adapts a validated task file to the screen's `TaskSource`, deciding which response
/// goes left: per rater for labeling, always A for the review screen (sides as in the file).
@MainActor
final class TaskFileSource: TaskSource {
    let file: TaskFile
    let leftIsA: (String) -> Bool

    init(file: TaskFile, rater: String) {
        self.file = file
        self.leftIsA = { LeftSide.leftIsA(rater: rater, task: $0) }
    }

    init(file: TaskFile, leftIsA: @escaping (String) -> Bool) {
        self.file = file
        self.leftIsA = leftIsA
    }

    func load(index: Int) throws -> LoadedTask {
        let task = try file.task(at: index)
        return LoadedTask(task: task, index: index, leftIsA: leftIsA(task.id))
    }
}
