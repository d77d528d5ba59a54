/// What the report says about the leads' verdicts (SPEC §12): how many items carry one, and
/// per rater the share of adjudicated items they labeled where their label equals the
/// verdict ("accuracy against adjudication"). Verdicts never enter the agreement
/// statistics: those are computed from `CodedLabels`, which holds labels only.
public struct AdjudicationSummary: Sendable, Equatable {
    public struct RaterAccuracy: Sendable, Equatable {
        public var rater: String
        /// Adjudicated items this rater labeled.
        public var items: Int
        /// Of those, items where the rater's label equals the verdict.
        public var agreed: Int
        /// `agreed / items`, nil when the rater labeled no adjudicated item.
        public var accuracy: Double? { items == 0 ? nil : Double(agreed) / Double(items) }
    }

    /// Items of the report that carry a verdict.
    public var items: Int
    /// The leads whose verdicts are in effect, sorted.
    public var leads: [String]
    /// One entry per rater of the report, by name (bytewise).
    public var raters: [RaterAccuracy]

    /// The summary of `verdicts` (by task) over the labels `coded`; a verdict whose task is
    /// not an item of the report, or (where the line's hash is known) was made on other
    /// content, is left out as its labels would be. Nil when no verdict is left.
    /// - Parameters:
    ///   - readItems, itemSHA256: the items as read (before the task-file rule) and the hash
    ///     of each one's task line where the rule computed it.
    public static func make(verdicts: [EffectiveLabel], coded: CodedLabels, readItems: [String] = [],
                            itemSHA256: [SHA256Bytes?] = []) -> AdjudicationSummary? {
        guard !verdicts.isEmpty else { return nil }
        var itemOf: [String: Int] = [:]
        for (k, name) in coded.itemNames.enumerated() { itemOf[name] = k }
        // The hash check is on items as read, before the task-file rule's subset.
        var readIndex: [String: Int] = [:]
        for (k, name) in readItems.enumerated() { readIndex[name] = k }
        var verdictOfItem = [String?](repeating: nil, count: coded.itemNames.count)
        var leads = Set<String>()
        for verdict in verdicts {
            guard let item = itemOf[verdict.task] else { continue }
            if let sha = verdict.taskSHA256, let read = readIndex[verdict.task], read < itemSHA256.count,
               let known = itemSHA256[read], known.hex != sha { continue }
            verdictOfItem[item] = verdict.choice
            leads.insert(verdict.rater)
        }
        let count = verdictOfItem.lazy.filter { $0 != nil }.count
        guard count > 0 else { return nil }
        var raters = coded.raterNames.map { RaterAccuracy(rater: $0, items: 0, agreed: 0) }
        for j in coded.item.indices {
            guard let verdict = verdictOfItem[Int(coded.item[j])] else { continue }
            let r = Int(coded.rater[j])
            raters[r].items += 1
            if coded.choiceNames[Int(coded.choice[j])] == verdict { raters[r].agreed += 1 }
        }
        raters.sort { $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8) }
        return AdjudicationSummary(items: count, leads: leads.sorted(), raters: raters)
    }
}
