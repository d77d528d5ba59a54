import Foundation

extension SessionLabelReader {
    /// What one file gave besides its events.
    struct FileOutcome {
        var warnings: [InputError] = []
        var errors: [InputError] = []
        /// The first `at` of the file (any event type), which places it in the replay order.
        var firstTime: Double?
    }

    /// Hands out file indexes to workers, one at a time.
    final class FileCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        func take(limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < limit else { return nil }
            next += 1
            return next - 1
        }
    }

    /// One state per worker; each is touched by its own worker only until all have finished.
    final class WorkerStates: @unchecked Sendable {
        private let states: [WorkerState]
        init(count: Int, keeping: SessionLineKeeping) {
            states = (0..<count).map { _ in
                let state = WorkerState()
                state.data.keeping = keeping
                return state
            }
        }
        subscript(index: Int) -> WorkerState { states[index] }
        var count: Int { states.count }
    }

    /// Holds a worker's `WorkerData`; the one `read` call per file is the only access, so the
    /// hot loop works on a struct with no dynamic exclusivity checks.
    final class WorkerState {
        var data = WorkerData()
        /// What the worker read in one step: (place in the step's list, outcome, cursor after).
        var results: [(Int, FileOutcome, SessionLogTail.Cursor)] = []
    }
}
