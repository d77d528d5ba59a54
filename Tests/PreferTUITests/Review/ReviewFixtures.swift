import PreferCore
@testable import PreferTUI

/// Small contested items and states for review-screen tests.
enum ReviewFixtures {
    static let split = ReviewItem(
        taskIndex: 0, task: "hash-table", sha256: "0",
        votes: [ReviewVote(rater: "ana", choice: "A", left: .b, ms: 12_345, note: "B invents a list search"),
                ReviewVote(rater: "bo", choice: "B", left: .a, ms: 4_000)],
        modelA: "gpt-4", modelB: "claude-v1")
    static let twoToOne = ReviewItem(
        taskIndex: 1, task: "evil", sha256: "1",
        votes: [ReviewVote(rater: "ana", choice: "A", left: .a, ms: 61_000),
                ReviewVote(rater: "bo", choice: "A", left: .b, ms: 3_000),
                ReviewVote(rater: "chen", choice: "tie", left: .a, ms: 9_900, note: "evil\u{1b}[2J note")])
    static let threeWay = ReviewItem(
        taskIndex: 2, task: "cjk", sha256: "2",
        votes: [ReviewVote(rater: "ana", choice: "A"), ReviewVote(rater: "bo", choice: "B"),
                ReviewVote(rater: "chen", choice: "tie")])

    static let hashTable = LoadedTask(
        index: 0, id: "hash-table", sha256: "0", promptText: "Explain what a hash table is, briefly.",
        responseA: "A **hash table** maps keys to values.\n\n- It hashes the key to a slot.\n- Lookups take O(1) on average.",
        responseB: "It is a list you search from the start until you find the key.", leftIsA: true)
    static let evil = LoadedTask(
        index: 1, id: "evil", sha256: "1", promptText: "Summarise the file.",
        responseA: "safe\rEVIL \u{1b}]0;pwned\u{7} \u{202e}txt.exe", responseB: "A plain summary.", leftIsA: true)
    static let cjk = LoadedTask(
        index: 2, id: "cjk", sha256: "2", promptText: "用一句话解释光合作用。",
        responseA: "光合作用把二氧化碳和水变成糖和氧气。", responseB: "Plants make sugar from light.", leftIsA: true)

    static func task(at index: Int) -> LoadedTask { [hashTable, evil, cjk][index] }

    /// A review state with `items` loaded at `position` (the first item's texts shown).
    static func state(_ items: [ReviewItem] = [split, twoToOne, threeWay], cols: Int = 80, rows: Int = 24,
                      position: Int? = nil, showModels: Bool = false, guardMs: Int = 0) -> ReviewState {
        let config = ReviewConfig(lead: "lee", taskSetName: "batch-07.jsonl", guideline: ScreenFixtures.guideline,
                                  showModels: showModels, choiceGuardMs: guardMs)
        var s = ReviewState(config: config, size: TerminalSize(cols: cols, rows: rows), items: items,
                            position: position ?? ReviewQueue.resumePosition(items))
        if let item = s.item { _ = ReviewReducer.reduce(&s, .taskLoaded(task(at: item.taskIndex)), now: 0) }
        return s
    }

    /// Feeds `action` and then, like the runtime, the outcomes of its effects (records
    /// saved, tasks loaded); returns every effect asked for.
    @discardableResult
    static func run(_ state: inout ReviewState, _ action: Action, now: Int64 = 1000) -> [Effect] {
        var all: [Effect] = []
        var queue = ReviewReducer.reduce(&state, action, now: now)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            all.append(effect)
            switch effect {
            case .record(let record): queue += ReviewReducer.reduce(&state, .saved(record), now: now)
            case .loadTask(let index): queue += ReviewReducer.reduce(&state, .taskLoaded(task(at: index)), now: now)
            case .flushInput, .quit, .loadNext, .loadRepeat: break
            }
        }
        return all
    }
}
