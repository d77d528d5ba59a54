/// The files a batch names, opened and checked: the task file, the guideline and the ids of
/// the gold tasks. Only the gold *ids* are kept (to route gold tasks to every rater); the
/// answers stay with the lead's report, so nothing on screen can tell a gold task apart.
public struct BatchInputs: Sendable {
    public var batch: BatchFile
    public var tasks: TaskFile
    public var guideline: Guideline
    /// Task indices of the gold tasks, in task-file order.
    public var goldIndices: [Int]

    /// Opens every file the batch names; throws every problem as `FILE:LINE: reason`.
    public static func open(_ batch: BatchFile) throws(ValidationFailure) -> BatchInputs {
        var errors: [InputError] = []
        var tasks: TaskFile?
        do {
            tasks = try TaskFile.load(path: batch.tasks)
        } catch {
            errors.append(contentsOf: error.errors)
        }
        var guideline: Guideline?
        do throws(InputError) {
            if let path = batch.guideline {
                guideline = try Guideline.load(path: path)
            } else {
                guideline = try Guideline.load(bundled: .defaultGuideline)
            }
        } catch {
            errors.append(error)
        }
        var gold: GoldFile?
        if let path = batch.gold {
            do {
                gold = try GoldFile.load(path: path)
            } catch let failure as ValidationFailure {
                errors.append(contentsOf: failure.errors)
            } catch let error as InputError {
                errors.append(error)
            } catch {
                errors.append(InputError(file: path, reason: String(describing: error)))
            }
        }
        if let gold, let tasks { errors.append(contentsOf: gold.errors(against: tasks)) }
        guard errors.isEmpty, let tasks, let guideline else { throw ValidationFailure(errors: errors) }
        let goldIndices = (gold?.taskIDsInFileOrder ?? []).compactMap { tasks.index(of: $0) }.sorted()
        return BatchInputs(batch: batch, tasks: tasks, guideline: guideline, goldIndices: goldIndices)
    }
}
