/// Which items a lead reviews, and in what order (SPEC §12): items with at least two
/// labels that disagree; those without a strict majority first, then by lowest agreement,
/// then in task-file order.
public enum ReviewQueue {
    /// The contested items of `items`. With `minAgreement`, an item that has a strict
    /// majority is contested only when the share of labels on it is below that value;
    /// without it, any item whose labels are not unanimous is. Items without a strict
    /// majority are always contested.
    public static func contested(_ items: [ReviewItem], minAgreement: Double? = nil) -> [ReviewItem] {
        let threshold = minAgreement ?? 1
        let kept = items.enumerated().filter { _, item in
            guard item.votes.count >= 2 else { return false }
            let tally = item.tally
            guard let agreement = tally.agreement else { return true }
            return agreement < threshold
        }
        return kept.sorted { a, b in
            let aHasMajority = a.element.tally.majority != nil
            let bHasMajority = b.element.tally.majority != nil
            if aHasMajority != bHasMajority { return !aHasMajority }
            if a.element.topShare != b.element.topShare { return a.element.topShare < b.element.topShare }
            if a.element.taskIndex != b.element.taskIndex { return a.element.taskIndex < b.element.taskIndex }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Where a review resumes: the first item without a verdict (the first item when all
    /// have one or the queue is empty).
    public static func resumePosition(_ items: [ReviewItem]) -> Int {
        items.firstIndex { $0.verdict == nil } ?? 0
    }
}
