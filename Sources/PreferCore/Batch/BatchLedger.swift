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

    /// One rater's effective choice of a task.
    struct Vote: Sendable, Equatable {
        var rater: Int32
        var choice: UInt8
        /// When the label was made (seconds since 1970; infinity without `at`), since the
        /// events of one reading come file by file, not in the order they happened.
        var at: Double
    }

    struct ClaimKey: Hashable, Sendable {
        var rater: Int32
        var task: Int32
    }

    private let taskIndex: [String: Int32]
    private(set) var isGold: [Bool]
    /// Effective labels per task, in the order they arrived.
    private(set) var votes: [[Vote]]
    /// Whether a task has all the labels it wants (`overlap` with a strict majority, or
    /// `max_overlap`), kept current on every change so that choosing the next task is one
    /// pass over flags.
    private(set) var isClosed: [Bool]
    /// The latest unanswered `shown` of a rater on a task, by its time.
    private(set) var claims: [ClaimKey: Date] = [:]
    /// Entries of `claims` per task, so the routing pass looks a claim up only where one is.
    private var claimCount: [UInt16]
    private var raterIDs: [String: Int32] = [:]
    public private(set) var raterNames: [String] = []
    private var choiceIDs: [String: UInt8] = [:]

    /// - Parameters:
    ///   - taskIDs: the task file's ids, in file order (their positions are the task indices).
    ///   - gold: indices of the gold tasks.
    public init(taskIDs: [String], gold: [Int], overlap: Int, maxOverlap: Int, claimMinutes: Double) {
        self.overlap = overlap
        self.maxOverlap = max(overlap, maxOverlap)
        self.claimSeconds = claimMinutes * 60
        taskCount = taskIDs.count
        var index: [String: Int32] = [:]
        index.reserveCapacity(taskIDs.count)
        for (position, id) in taskIDs.enumerated() { index[id] = Int32(position) }
        taskIndex = index
        isGold = Array(repeating: false, count: taskIDs.count)
        for task in gold where task < taskIDs.count { isGold[task] = true }
        votes = Array(repeating: [], count: taskIDs.count)
        isClosed = Array(repeating: false, count: taskIDs.count)
        claimCount = Array(repeating: 0, count: taskIDs.count)
    }

    /// The index of a task id of this batch, or nil for an id the task file lacks.
    public func index(of task: String) -> Int? { taskIndex[task].map(Int.init) }

    /// The interned number of a rater (new raters get the next one).
    public mutating func raterID(_ name: String) -> Int32 {
        if let id = raterIDs[name] { return id }
        let id = Int32(raterNames.count)
        raterIDs[name] = id
        raterNames.append(name)
        return id
    }

    /// Applies one event; events about tasks outside the batch are ignored.
    public mutating func apply(_ event: RoutingEvent) {
        // A sitting's end names no task: it only frees that rater's claims.
        if case .end = event.kind { return releaseClaims(of: raterID(event.rater)) }
        guard let task = taskIndex[event.task] else { return }
        let rater = raterID(event.rater)
        switch event.kind {
        case .end:
            return  // handled above; the switch must name it
        case .label(let choice, _):
            clearClaim(rater: rater, task: task)
            guard !event.isRepeat else { return }
            let code = choiceID(choice)
            setVote(rater: rater, task: Int(task), to: code, at: event.at?.timeIntervalSince1970 ?? .infinity)
        case .undo:
            guard !event.isRepeat else { return }
            setVote(rater: rater, task: Int(task), to: nil, at: 0)
        case .skip:
            clearClaim(rater: rater, task: task)
        case .shown:
            guard let at = event.at else { return }
            let key = ClaimKey(rater: rater, task: task)
            if claims.updateValue(at, forKey: key) == nil { claimCount[Int(task)] += 1 }
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
        guard claimCount[task] > 0 else { return have < wanted }
        return have + liveClaims(on: task, except: rater, now: now) < wanted
    }

    /// Live claims on `task` by raters other than `rater`.
    public func liveClaims(on task: Int, except rater: Int32?, now: Date) -> Int {
        guard claimCount[task] > 0 else { return 0 }
        var count = 0
        for (key, at) in claims where key.task == Int32(task) && key.rater != rater {
            if now.timeIntervalSince(at) < claimSeconds { count += 1 }
        }
        return count
    }

    /// Effective labels of a task.
    public func labelCount(_ task: Int) -> Int { votes[task].count }

    public func isGoldTask(_ task: Int) -> Bool { isGold[task] }

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

    /// Effective labels on this batch's tasks per rater name.
    public func labelsByRater() -> [String: Int] {
        var counts = [Int](repeating: 0, count: raterNames.count)
        for list in votes { for vote in list { counts[Int(vote.rater)] += 1 } }
        var result: [String: Int] = [:]
        for (id, count) in counts.enumerated() where count > 0 { result[raterNames[id]] = count }
        return result
    }

    // MARK: - Changes

    private mutating func setVote(rater: Int32, task: Int, to choice: UInt8?, at: Double) {
        var list = votes[task]
        list.removeAll { $0.rater == rater }
        if let choice { list.append(Vote(rater: rater, choice: choice, at: at)) }
        votes[task] = list
        isClosed[task] = list.count >= maxOverlap || (list.count >= overlap && Self.strictMajority(list[...]))
    }

    private mutating func clearClaim(rater: Int32, task: Int32) {
        if claims.removeValue(forKey: ClaimKey(rater: rater, task: task)) != nil { claimCount[Int(task)] -= 1 }
    }

    private mutating func releaseClaims(of rater: Int32) {
        for key in claims.keys where key.rater == rater {
            claims.removeValue(forKey: key)
            claimCount[Int(key.task)] -= 1
        }
    }

    private mutating func choiceID(_ choice: String) -> UInt8 {
        if let id = choiceIDs[choice] { return id }
        let id = UInt8(truncatingIfNeeded: choiceIDs.count)
        choiceIDs[choice] = id
        return id
    }

    static func strictMajority(_ list: ArraySlice<Vote>) -> Bool {
        guard !list.isEmpty else { return false }
        var counts: [UInt8: Int] = [:]
        for vote in list { counts[vote.choice, default: 0] += 1 }
        return (counts.values.max() ?? 0) * 2 > list.count
    }
}
