/// The `dpo` export (SPEC §9): one TRL preference row per item whose majority is A or B.
///
/// Keys, in this order: `prompt`, `chosen`, `rejected` (strings, TRL's standard format, when
/// no task needs messages; else message lists, its conversational format), `task`, `chosen_model`, `rejected_model` (`null` when the task names no model), `votes`
/// (`{"chosen","rejected","tie","both_bad","n"}`: labels for each verdict and all labels;
/// likert strengths count for their side).
public enum DPORows {
    /// The side an item's labels prefer, or why the item gives no row. Checked in this order:
    /// at least `minVotes` labels, a strict plurality for A or B (see `PreferenceVotes`),
    /// then a winning share of at least `minAgreement`.
    public static func decide(_ choices: [String], options: ExportOptions) -> Result<ResponseSide, DPOSkipReason> {
        decide(choices, verdict: nil, options: options).map(\.side)
    }

    /// As `decide(_:options:)`, but a lead's verdict decides over the majority (SPEC §12):
    /// A or B (likert strengths count for their side) gives the row whatever the labels say
    /// and whatever `--min-votes`/`--min-agreement` ask; tie or both_bad gives none.
    public static func decide(_ choices: [String], verdict: String?, options: ExportOptions)
        -> Result<(side: ResponseSide, decidedBy: DecidedBy), DPOSkipReason> {
        if let verdict {
            switch PreferenceVotes([verdict]).outcome {
            case .prefers(let side): return .success((side, .adjudication))
            case .tie: return .failure(.verdictTie)
            case .bothBad: return .failure(.verdictBothBad)
            case .split, .other: return .failure(.verdictOther)
            }
        }
        let votes = PreferenceVotes(choices)
        if votes.total < max(options.minVotes, 1) { return .failure(.tooFewVotes) }
        let side: ResponseSide
        switch votes.outcome {
        case .prefers(let winner): side = winner
        case .split: return .failure(.split)
        case .tie: return .failure(.tie)
        case .bothBad: return .failure(.bothBad)
        case .other: return .failure(.other)
        }
        if votes.agreement < options.minAgreement { return .failure(.lowAgreement) }
        return .success((side, .majority))
    }

    /// The row of `task` with `chosen` as the winner, in pieces that give either format
    /// without serializing the texts again, or why its content cannot form a row.
    static func pieces(_ task: TaskPieces, chosen: ResponseSide, choices: [String],
                       decidedBy: DecidedBy = .majority) -> Result<DPORowPieces, DPOSkipReason> {
        var prompt: [UInt8] = []
        var won: [UInt8] = []
        var lost: [UInt8] = []
        switch task.content {
        case .singleTurn(.text(let text), let a, let b):
            prompt = text
            (won, lost) = chosen == .a ? (a, b) : (b, a)
        case .singleTurn(.messages(let messages), let a, let b):
            MessagePieces.appendList(messages[...], to: &prompt)
            let (x, y) = chosen == .a ? (a, b) : (b, a)
            MessagePieces.appendList([MessagePieces.wrapping(x, role: "assistant")], to: &won)
            MessagePieces.appendList([MessagePieces.wrapping(y, role: "assistant")], to: &lost)
        case .conversation(let a, let b):
            guard let firstA = a.first, let firstB = b.first, firstA.sameText(as: firstB) else {
                return .failure(.noSharedPrompt)
            }
            let shared = MessagePieces.sharedPrefix(a, b)
            // The split leaves each side at least a message; when those still begin alike, one
            // conversation is the start of the other and nothing tells chosen from rejected.
            guard !a[shared].sameText(as: b[shared]) else { return .failure(.nothingToCompare) }
            let (x, y) = chosen == .a ? (a, b) : (b, a)
            MessagePieces.appendList(a[..<shared], to: &prompt)
            MessagePieces.appendList(x[shared...], to: &won)
            MessagePieces.appendList(y[shared...], to: &lost)
        }
        let votes = PreferenceVotes(choices)
        let (wins, losses) = chosen == .a ? (votes.a, votes.b) : (votes.b, votes.a)
        var tail: [UInt8] = []
        tail.append(literal: #""task":"#)
        JSONWriter.appendString(task.id, to: &tail)
        tail.append(literal: #","chosen_model":"#)
        tail.append(contentsOf: chosen == .a ? task.modelA : task.modelB)
        tail.append(literal: #","rejected_model":"#)
        tail.append(contentsOf: chosen == .a ? task.modelB : task.modelA)
        tail.append(literal: #","votes":{"chosen":"#)
        RawField.appendDecimal(wins, to: &tail)
        tail.append(literal: #","rejected":"#)
        RawField.appendDecimal(losses, to: &tail)
        tail.append(literal: #","tie":"#)
        RawField.appendDecimal(votes.tie, to: &tail)
        tail.append(literal: #","both_bad":"#)
        RawField.appendDecimal(votes.bothBad, to: &tail)
        tail.append(literal: #","n":"#)
        RawField.appendDecimal(votes.total, to: &tail)
        tail.append(literal: #"},"decided_by":"#)
        JSONWriter.appendString(decidedBy.rawValue, to: &tail)
        return .success(DPORowPieces(prompt: prompt, chosen: won, rejected: lost, tail: tail,
                                     isPlainText: !task.needsConversational))
    }
}
