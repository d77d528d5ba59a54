/// Builds a task file (SPEC §2) from benchmark questions and model answers (SPEC §6).
///
/// Tasks come in question order, then turn, then pair (in `--models` order). A turn-1 task
/// is single-turn: the question's first turn as `prompt`, each model's first reply as its
/// response. A turn-2 task is in conversation form: each side holds the first question,
/// that model's own first reply, the second question and its second reply. Each task
/// keeps `category`, `question_id` and `turn`. Ids are `mt<question_id>-t<turn>-<A>-vs-<B>`
/// (MT-Bench) or `ae<position>-<A>-vs-<B>` (AlpacaEval).
public enum TaskMaker {
    /// The task file of `inputs` under `options`.
    public static func make(_ inputs: BenchmarkInputs, options: MakeTasksOptions) throws(MakeTasksError) -> MadeTasks {
        let models = try chosenModels(inputs, options)
        let turns = options.turns.turns
        if inputs.layout == .alpacaEval && options.turns == .second {
            throw .usage("AlpacaEval outputs have one turn; use --turns 1")
        }
        let planner = PairPlanner(models: models, mode: options.pairs, seed: options.seed)

        var planned: [PlannedTask] = []
        var missing: [MissingAnswer] = []
        var shortQuestions: [(question: String, turn: Int)] = []
        for (questionIndex, question) in inputs.questions.enumerated() {
            let answers = inputs.answers[question.key] ?? [:]
            let pairs = planner.pairs(forQuestion: questionIndex, answered: Set(answers.keys))
            for turn in turns where inputs.layout == .mtBench || turn == 1 {
                guard turn <= question.turns.count else {
                    shortQuestions.append((question.idText, turn))
                    continue
                }
                var leftOut: [String: Int] = [:]
                for pair in pairs {
                    let absent = [pair.0, pair.1].filter { (answers[$0]?.turns.count ?? 0) < turn }
                    if absent.isEmpty {
                        planned.append(PlannedTask(question: questionIndex, turn: turn, first: pair.0, second: pair.1))
                    }
                    for model in absent { leftOut[model, default: 0] += 1 }
                }
                for model in models {
                    if let count = leftOut[model] {
                        missing.append(MissingAnswer(question: question.idText, model: model, turn: turn, tasksLeftOut: count))
                    } else if case .sample = options.pairs, (answers[model]?.turns.count ?? 0) < turn {
                        missing.append(MissingAnswer(question: question.idText, model: model, turn: turn, tasksLeftOut: 0))
                    }
                }
            }
        }
        guard !planned.isEmpty else {
            throw .usage("no comparison could be made: the chosen models share no answered question")
        }
        return try write(planned, inputs: inputs, seed: options.seed, missing: missing, shortQuestions: shortQuestions)
    }

    /// One comparison to write: `first`/`second` in `--models` order, before sides are drawn.
    struct PlannedTask {
        var question: Int
        var turn: Int
        var first: String
        var second: String
    }

    private static func chosenModels(_ inputs: BenchmarkInputs, _ options: MakeTasksOptions) throws(MakeTasksError) -> [String] {
        var models = options.models ?? inputs.models
        if case .baseline(let baseline) = options.pairs, !models.contains(baseline) { models.append(baseline) }
        var seen = Set<String>()
        for model in models {
            guard inputs.models.contains(model) else {
                let known = inputs.models.map { JSONWriter.quoted($0) }.joined(separator: ", ")
                throw .usage("no answers from model \(JSONWriter.quoted(model)); the answers are from \(known)")
            }
            guard seen.insert(model).inserted else { throw .usage("--models names \(JSONWriter.quoted(model)) twice") }
        }
        guard models.count >= 2 else { throw .usage("comparisons need at least two models; found \(models.count)") }
        return models
    }

    private static func write(_ planned: [PlannedTask], inputs: BenchmarkInputs, seed: UInt64,
                              missing: [MissingAnswer], shortQuestions: [(question: String, turn: Int)]) throws(MakeTasksError) -> MadeTasks {
        // Draw sides per pair over all of that pair's tasks, so each model is A in half of them.
        var positionsOfPair: [String: [Int]] = [:]
        for (position, task) in planned.enumerated() {
            positionsOfPair[task.first + "\u{0}" + task.second, default: []].append(position)
        }
        var firstIsA = [Bool](repeating: true, count: planned.count)
        for (key, positions) in positionsOfPair {
            let names = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            let flags = SideAssignment.firstIsA(count: positions.count, first: names[0], second: names[1], seed: seed)
            for (position, flag) in zip(positions, flags) { firstIsA[position] = flag }
        }

        var bytes: [UInt8] = []
        var ids: [String] = []
        var seenIDs: [String: Int] = [:]
        var sides: [String: (a: Int, b: Int)] = [:]
        var conversations = 0
        for (position, task) in planned.enumerated() {
            let question = inputs.questions[task.question]
            let (modelA, modelB) = firstIsA[position] ? (task.first, task.second) : (task.second, task.first)
            let answers = inputs.answers[question.key]!
            let id = inputs.layout == .mtBench ? "mt\(question.idText)-t\(task.turn)-\(modelA)-vs-\(modelB)"
                                               : "ae\(question.idText)-\(modelA)-vs-\(modelB)"
            try checkID(id, question: question, models: (modelA, modelB))
            if let earlier = seenIDs[id] {
                throw .usage("two comparisons would share the id \(JSONWriter.quoted(id)) (tasks \(earlier + 1) and \(position + 1)): model names that contain \"-vs-\" make ids ambiguous")
            }
            seenIDs[id] = position
            let line = TaskLine.make(id: id, question: question, turn: task.turn,
                                     a: answers[modelA]!, b: answers[modelB]!)
            if task.turn > 1 { conversations += 1 }
            JSONWriter.append(line, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
            ids.append(id)
            sides[modelA, default: (0, 0)].a += 1
            sides[modelB, default: (0, 0)].b += 1
        }
        return MadeTasks(bytes: bytes, ids: ids, conversationCount: conversations, sides: sides,
                         missing: missing, questionsWithoutTurn: shortQuestions)
    }

    /// SPEC §2's id rule (1–200 characters, no control characters), checked here so that the
    /// lead hears which models or question made a bad id.
    private static func checkID(_ id: String, question: BenchmarkQuestion, models: (String, String)) throws(MakeTasksError) {
        let count = id.unicodeScalars.count
        let hasControl = id.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }
        guard count > 200 || hasControl else { return }
        let names = "\(JSONWriter.quoted(models.0)) and \(JSONWriter.quoted(models.1))"
        throw .usage(hasControl
            ? "the id for question \(JSONWriter.quoted(question.idText)) with \(names) would hold control characters; task ids cannot"
            : "the id for question \(JSONWriter.quoted(question.idText)) with \(names) would be \(count) characters; task ids hold at most 200")
    }
}
