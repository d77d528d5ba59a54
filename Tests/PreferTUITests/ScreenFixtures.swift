import PreferCore
@testable import PreferTUI

/// Small, fixed tasks and states for whole-screen tests.
enum ScreenFixtures {
    static let guideline = """
    # Guideline

    Pick the response that is more **helpful**, *truthful* and harmless.

    - Ignore which side a response is on.
    - Ignore length unless it hurts.
      - Padding is not helpfulness.

    ## Ties

    Use `tie` only when neither is better.
    """

    /// Guideline prose wrapped by hand at 76 columns, as in guidelines/default.md.
    static let handWrappedGuideline = """
    # Labeling guideline

    Thank you for helping. Your labels teach and test AI assistants, so each one
    matters. This page says what we ask of you and how to decide. Keep it open
    while you work; press `/` to search it.

    1. Read the prompt first, all of it. Know what was asked before you read
       any answer.
    2. Read both responses to the end.
    """

    static let plain = LoadedTask(
        index: 0, id: "hash-table", sha256: "0", promptText: "Explain what a hash table is, briefly.",
        responseA: "A **hash table** maps keys to values.\n\n- It hashes the key to a slot.\n- Lookups take O(1) on average.",
        responseB: "It is a list you search from the start until you find the key.", leftIsA: false)

    static let hostile = LoadedTask(
        index: 1, id: "evil", sha256: "1", promptText: "Summarise the file.",
        responseA: "safe\rEVIL \u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b}31m \u{202e}txt.exe zero\u{200b}width",
        responseB: "A plain summary.", leftIsA: true)

    static let cjk = LoadedTask(
        index: 2, id: "cjk", sha256: "2", promptText: "用一句话解释光合作用。",
        responseA: "光合作用是植物利用阳光把二氧化碳和水变成糖和氧气的过程。",
        responseB: "植物は光を使って二酸化炭素と水から糖と酸素を作ります。🌱", leftIsA: true)

    /// Response 2 (canonical A) is 27 lines, more than an 80×24 pane holds; the rest fits.
    static let longRight = LoadedTask(
        index: 3, id: "long", sha256: "3", promptText: "Name three uses of a hash table.",
        responseA: (1...27).map { "\($0). A use of hash tables, number \($0)." }.joined(separator: "\n"),
        responseB: "Caches, sets and indexes.", leftIsA: false)

    /// An eight-line prompt (like demo-23: a passage to summarize) with short responses.
    static let longPrompt = LoadedTask(
        index: 4, id: "summary", sha256: "4",
        promptText: "Summarize this in two sentences:\n\n" + (1...6).map { "Sentence \($0) of the passage." }
            .joined(separator: "\n"),
        responseA: "The passage has six sentences.", responseB: "It is about sentences.", leftIsA: true)

    /// A long prompt and long responses: the prompt gets its share and scrolls.
    static let allLong = LoadedTask(
        index: 5, id: "all-long", sha256: "5",
        promptText: (1...12).map { "Prompt line \($0)." }.joined(separator: "\n"),
        responseA: (1...30).map { "A line \($0)." }.joined(separator: "\n"),
        responseB: (1...30).map { "B line \($0)." }.joined(separator: "\n"), leftIsA: true)

    /// An MT-Bench turn-2 task in conversation form: the same two questions, each side's
    /// own first answer in its history.
    static let turnTwo = LoadedTask(
        task: PreferenceTask(id: "mt81-t2", content: .conversation(
            a: [Message(role: "user", content: "Write a blog post about a trip to Hawaii."),
                Message(role: "assistant", content: (1...12).map { "Aloha paragraph \($0)." }.joined(separator: "\n\n")),
                Message(role: "user", content: "Rewrite it so every sentence starts with A."),
                Message(role: "assistant", content: "A trip to Hawaii is a joy.\n\nAll of it was sunny.")],
            b: [Message(role: "user", content: "Write a blog post about a trip to Hawaii."),
                Message(role: "assistant", content: "Hawaii was lovely."),
                Message(role: "user", content: "Rewrite it so every sentence starts with A."),
                Message(role: "assistant", content: "Hawaii? Amazing.")]),
            modelA: nil, modelB: nil, extra: [], sha256: "6", line: 1),
        index: 6, leftIsA: true)

    static func state(_ task: LoadedTask?, cols: Int, rows: Int, guidelineVisible: Bool? = nil,
                      labeled: Int = 7, total: Int = 24) -> AppState {
        let config = LabelingConfig(rater: "ana", taskSetName: "batch-07.jsonl", guideline: guideline)
        var s = AppState(config: config, size: TerminalSize(cols: cols, rows: rows), queue: [5, 6],
                         totalTasks: total, labeledCount: labeled)
        if let guidelineVisible { s.guidelineVisible = guidelineVisible }
        if let task { _ = Reducer.reduce(&s, .taskLoaded(task), now: 0) }
        return s
    }
}
