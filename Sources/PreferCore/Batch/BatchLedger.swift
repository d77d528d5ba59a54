import Foundation

/// The state of a whole batch as the session files tell it: every rater's effective label of
/// every task (repeats ignored: the first label stands), and the live `shown` claims. Fed
/// event by event in replay order (SPEC §4), so a sitting can keep it current by reading
/// only what other raters appended since its last look. Pure: no files, no clock of its own.
public struct BatchLedger: Sendable {
    public let overlap: Int
    public let maxOverlap: Int
    /// How long a `shown` without a later label or skip by its rater reserves the task.
    public let claimSeconds: Double
    public let taskCount: Int

    /// One rater's effective choice of a task (`RoutingNames` numbers).
    struct Vote: Sendable, Equatable {
        var rater: Int32
        var choice: Int32
        /// When the label was made (seconds since 1970; infinity without `at`), since the
        /// events of one reading come file by file, not in the order they happened.
        var at: Double
    }

    /// A rater's unanswered `shown` of a task, by its time.
    struct Claim: Sendable, Equatable {
        var rater: Int32
        var at: Date
    }

    private(set) var isGold: [Bool]
    /// Effective labels per task, in the order they arrived.
    private(set) var votes: [[Vote]]
    /// Whether a task has all the labels it wants (`overlap` with a strict majority, or
    /// `max_overlap`), kept current on every change so that choosing the next task is one
    /// pass over flags.
    private(set) var isClosed: [Bool]
    /// The latest unanswered `shown` of a rater on a task, by its time.
    /// Per task, a list rather than one dictionary of the whole batch: a task has a claim or
    /// two at most, and start-up applies 300,000 `shown` lines and as many answers to them.
    private(set) var claims: [[Claim]]
    /// Per rater number, the tasks they claimed since their last sitting ended (some may be
    /// answered since), so that a sitting's end frees its claims without a walk of all tasks.
    private var claimedTasks: [[Int32]] = []

    /// - Parameters:
    ///   - taskCount: the tasks of the task file (task indices are positions in it).
    ///   - gold: indices of the gold tasks.
    public init(taskCount: Int, gold: [Int], overlap: Int, maxOverlap: Int, claimMinutes: Double) {
        self.overlap = overlap
        self.maxOverlap = max(overlap, maxOverlap)
        self.claimSeconds = claimMinutes * 60
        self.taskCount = taskCount
        isGold = Array(repeating: false, count: taskCount)
        for task in gold where task < taskCount { isGold[task] = true }
        votes = Array(repeating: [], count: taskCount)
        isClosed = Array(repeating: false, count: taskCount)
        claims = Array(repeating: [], count: taskCount)
    }

    /// Applies one event; events about tasks outside the batch are ignored.
    public mutating func apply(_ event: RoutingEvent) {
        // A sitting's end names no task: it only frees that rater's claims.
        if case .end = event.kind { return releaseClaims(of: event.rater) }
        guard event.task >= 0, Int(event.task) < taskCount else { return }
        let task = event.task, rater = event.rater
        switch event.kind {
        case .end:
            return  // handled above; the switch must name it
        case .label(let choice, _):
            clearClaim(rater: rater, task: task)
            guard !event.isRepeat else { return }
            setVote(rater: rater, task: Int(task), to: choice, at: event.at?.timeIntervalSince1970 ?? .infinity)
        case .undo:
            guard !event.isRepeat else { return }
            setVote(rater: rater, task: Int(task), to: nil, at: 0)
        case .skip:
            clearClaim(rater: rater, task: task)
        case .shown:
            guard let at = event.at else { return }
            if let k = claims[Int(task)].firstIndex(where: { $0.rater == rater }) {
                claims[Int(task)][k].at = at
            } else {
                claims[Int(task)].append(Claim(rater: rater, at: at))
                while claimedTasks.count <= Int(rater) { claimedTasks.append([]) }
                claimedTasks[Int(rater)].append(task)
            }
        }
    }

    /// Whether `task` wants one more label from `rater` at `now` (SPEC §10): gold always;
    /// otherwise its effective labels plus the live claims of *other* raters are fewer than
    /// it wants — `overlap`, or one more than it has while it is split and below `max_overlap`.
    /// The rater's own earlier label is the caller's business.
    public func wantsLabel(_ task: Int, from rater: Int32?, now: Date) -> Bool {
        if isGold[task] { return true }
        if isClosed[task] { return false }
        let have = votes[task].count
        let wanted = have >= overlap ? have + 1 : overlap
        guard !claims[task].isEmpty else { return have < wanted }
        return have + liveClaims(on: task, except: rater, now: now) < wanted
    }

    /// Live claims on `task` by raters other than `rater`.
    public func liveClaims(on task: Int, except rater: Int32?, now: Date) -> Int {
        var count = 0
        for claim in claims[task] where claim.rater != rater && now.timeIntervalSince(claim.at) < claimSeconds {
            count += 1
        }
        return count
    }

    /// Effective labels of a task.
    public func labelCount(_ task: Int) -> Int { votes[task].count }

    public func isGoldTask(_ task: Int) -> Bool { isGold[task] }

    /// The effective choice of `rater` on `task` (a `RoutingNames` number), or nil.
    public func choice(of task: Int, by rater: Int32) -> Int32? { votes[task].first { $0.rater == rater }?.choice }

    /// Whether `rater` has an effective label on `task`.
    public func hasLabel(_ task: Int, by rater: Int32) -> Bool { votes[task].contains { $0.rater == rater } }

    /// Whether the task's effective labels have a strict majority choice (more than half).
    public func hasStrictMajority(_ task: Int) -> Bool { Self.strictMajority(votes[task][...]) }

    /// Whether a task has every label it wants and takes no more (gold included: its
    /// `overlap` labels make it done for progress, though it still goes to every rater).
    public func isDone(_ task: Int) -> Bool { isClosed[task] }

    /// How many labels beyond what routing wanted a task got (two raters racing for its
    /// last slot): walking its labels in the order they were made (`at`), a label is wanted while fewer than
    /// `overlap` came before it, or while those before it are split and fewer than
    /// `max_overlap`. Gold tasks are never over-labeled.
    public func extraLabels(_ task: Int) -> Int {
        guard !isGold[task] else { return 0 }
        let list = votes[task].sorted { $0.at < $1.at }
        var extra = 0
        for k in 0..<list.count {
            let before = list[..<k]
            let wanted = k < overlap || (k < maxOverlap && !Self.strictMajority(before))
            if !wanted { extra += 1 }
        }
        return extra
    }

    /// Effective labels on this batch's tasks per rater number.
    public func labelsByRater() -> [Int32: Int] {
        var counts: [Int32: Int] = [:]
        for list in votes { for vote in list { counts[vote.rater, default: 0] += 1 } }
        return counts
    }

    // MARK: - Changes

    private mutating func setVote(rater: Int32, task: Int, to choice: Int32?, at: Double) {
        // In place: a copy taken out and put back would copy the list on each change.
        votes[task].removeAll { $0.rater == rater }
        if let choice { votes[task].append(Vote(rater: rater, choice: choice, at: at)) }
        let count = votes[task].count
        isClosed[task] = count >= maxOverlap || (count >= overlap && Self.strictMajority(votes[task][...]))
    }

    private mutating func clearClaim(rater: Int32, task: Int32) {
        guard !claims[Int(task)].isEmpty else { return }
        claims[Int(task)].removeAll { $0.rater == rater }
    }

    private mutating func releaseClaims(of rater: Int32) {
        guard Int(rater) < claimedTasks.count else { return }
        for task in claimedTasks[Int(rater)] { claims[Int(task)].removeAll { $0.rater == rater } }
        claimedTasks[Int(rater)] = []
    }

    /// Whether one choice has more than half of `list` (SPEC §10's strict majority; not the
    /// exports' strict plurality, `ChoiceTally.majority`, SPEC §9). A task has a handful of
    /// labels, so counting pairwise beats a dictionary (called on every change at start-up).
    static func strictMajority(_ list: ArraySlice<Vote>) -> Bool {
        for vote in list where list.reduce(0, { $0 + ($1.choice == vote.choice ? 1 : 0) }) * 2 > list.count {
            return true
        }
        return false
    }
}
