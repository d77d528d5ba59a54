/// Why an item gives no `dpo` row; counted and shown to the lead after an export.
public enum DPOSkipReason: String, Error, Sendable, CaseIterable, Comparable {
    case tooFewVotes = "fewer labels than --min-votes"
    case split = "no strict majority"
    case tie = "majority tie"
    case bothBad = "majority both_bad"
    case other = "majority is a choice other than A, B, tie or both_bad"
    case lowAgreement = "agreement below --min-agreement"
    case noSharedPrompt = "conversations share no first message"
    case nothingToCompare = "one conversation is the start of the other"

    public static func < (lhs: DPOSkipReason, rhs: DPOSkipReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The `dpo` export (SPEC §9): one TRL preference row per item whose majority is A or B.
///
/// Keys, in this order: `prompt`, `chosen`, `rejected` (see `DPOTexts`), `task`,
/// `chosen_model`, `rejected_model` (`null` when the task names no model), `votes`
/// (`{"chosen","rejected","tie","both_bad","n"}`: labels for each verdict and all labels;
/// likert strengths count for their side).
public enum DPORows {
    /// The side an item's labels prefer, or why the item gives no row. Checked in this order:
    /// at least `minVotes` labels, a strict plurality for A or B (see `PreferenceVotes`),
    /// then a winning share of at least `minAgreement`.
    public static func decide(_ choices: [String], options: ExportOptions) -> Result<ResponseSide, DPOSkipReason> {
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
        return .success(side)
    }

    /// The row of `task` with `chosen` as the winner, or why its content cannot form one.
    public static func line(_ task: PreferenceTask, chosen: ResponseSide, choices: [String],
                            conversational: Bool) -> Result<[UInt8], DPOSkipReason> {
        let texts: DPOTexts
        switch DPOTexts.make(task.content, chosen: chosen, conversational: conversational) {
        case .success(let made): texts = made
        case .failure(.noSharedPrompt): return .failure(.noSharedPrompt)
        case .failure(.nothingToCompare): return .failure(.nothingToCompare)
        }
        let votes = PreferenceVotes(choices)
        let (won, lost) = chosen == .a ? (votes.a, votes.b) : (votes.b, votes.a)
        let (winner, loser) = chosen == .a ? (task.modelA, task.modelB) : (task.modelB, task.modelA)
        var line = JSONObjectBytes(reservingCapacity: 4096)
        line.add("prompt", texts.prompt)
        line.add("chosen", texts.chosen)
        line.add("rejected", texts.rejected)
        line.add("task", .string(task.id))
        line.add("chosen_model", .optional(winner))
        line.add("rejected_model", .optional(loser))
        line.add("votes", .object([
            JSONMember("chosen", .integer(won)), JSONMember("rejected", .integer(lost)),
            JSONMember("tie", .integer(votes.tie)), JSONMember("both_bad", .integer(votes.bothBad)),
            JSONMember("n", .integer(votes.total)),
        ]))
        return .success(line.finishLine())
    }
}
