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
    case verdictTie = "verdict tie"
    case verdictBothBad = "verdict both_bad"
    case verdictOther = "verdict is a choice other than A, B, tie or both_bad"

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
    public static func pieces(_ task: PreferenceTask, chosen: ResponseSide, choices: [String],
                              decidedBy: DecidedBy = .majority) -> Result<DPORowPieces, DPOSkipReason> {
        pieces(TaskPieces(task), chosen: chosen, choices: choices, decidedBy: decidedBy)
    }

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
            let shared = MessagePieces.sharedPrefixCount(a, b)
            guard shared > 0 else { return .failure(.noSharedPrompt) }
            guard shared < a.count && shared < b.count else { return .failure(.nothingToCompare) }
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

/// One DPO row's serialized parts: `prompt`, `chosen` and `rejected` as JSON values (strings
/// for a plain-text task) and the members after them.
public struct DPORowPieces: Sendable, Equatable {
    public var prompt: [UInt8]
    public var chosen: [UInt8]
    public var rejected: [UInt8]
    public var tail: [UInt8]
    /// The texts are strings, which the conversational format wraps as messages.
    public var isPlainText: Bool

    /// Appends the row's line; `conversational` wraps plain-text pieces as one user message
    /// and one assistant message per side (the same JSON as `DPOTexts.make(…, conversational: true)`).
    public func appendLine(conversational: Bool, to out: inout [UInt8]) {
        let wrap = conversational && isPlainText
        out.append(literal: #"{"prompt":"#)
        append(prompt, role: wrap ? Self.userMessage : nil, to: &out)
        out.append(literal: #","chosen":"#)
        append(chosen, role: wrap ? Self.assistantMessage : nil, to: &out)
        out.append(literal: #","rejected":"#)
        append(rejected, role: wrap ? Self.assistantMessage : nil, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: tail)
        out.append(literal: "}\n")
    }

    private func append(_ value: [UInt8], role: [UInt8]?, to out: inout [UInt8]) {
        if let role {
            out.append(contentsOf: role)
            out.append(contentsOf: value)
            out.append(literal: "}]")
        } else {
            out.append(contentsOf: value)
        }
    }

    private static let userMessage = Array(#"[{"role":"user","content":"#.utf8)
    private static let assistantMessage = Array(#"[{"role":"assistant","content":"#.utf8)
}
