import Foundation

/// What the whole server knows about its connections: how many are open, which raters have a
/// sitting, and the children to hang up on a graceful stop. Shared by every event loop.
final class SittingRegistry: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var openConnections = 0
    private var ratersSitting: Set<String> = []
    private var children: [pid_t: PseudoTerminalChild] = [:]
    private var stopping = false

    let maximumConnections: Int

    init(maximumConnections: Int) {
        self.maximumConnections = maximumConnections
    }

    /// Counts a new connection; false when the limit is reached or the server is stopping.
    func openConnection() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, openConnections < maximumConnections else { return false }
        openConnections += 1
        return true
    }

    func closeConnection() {
        condition.lock()
        openConnections -= 1
        condition.unlock()
    }

    /// Takes the rater's one sitting; false when she already has one open.
    func claim(_ rater: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        return ratersSitting.insert(rater).inserted
    }

    /// Records the running child of a claimed sitting.
    func started(_ child: PseudoTerminalChild) {
        condition.lock()
        children[child.pid] = child
        let late = stopping
        condition.unlock()
        if late { child.hangUp() }
    }

    /// Frees the rater's sitting once its process has ended.
    func ended(_ rater: String, child: PseudoTerminalChild?) {
        condition.lock()
        ratersSitting.remove(rater)
        if let child { children[child.pid] = nil }
        condition.broadcast()
        condition.unlock()
    }

    /// Graceful stop: no new connections or sittings, SIGHUP to every child, then waits up to
    /// `timeout` seconds for all of them to end (each writes its `session_end`).
    /// Returns how many were still running.
    func hangUpAllAndWait(timeout: Double) -> Int {
        condition.lock()
        stopping = true
        let running = Array(children.values)
        condition.unlock()
        running.forEach { $0.hangUp() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !children.isEmpty || !ratersSitting.isEmpty {
            if !condition.wait(until: deadline) { break }
        }
        return children.count
    }
}
