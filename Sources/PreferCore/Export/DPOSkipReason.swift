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
