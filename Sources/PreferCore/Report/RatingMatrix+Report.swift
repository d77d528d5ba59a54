/// The per-item views a report adds to the statistics: coverage and contested items.
extension RatingMatrix {
    /// Fills the label-count histogram, pairable items and items with two models.
    func fillCoverage(_ coverage: inout ReportCoverage) {
        var histogram: [Int: Int] = [:]
        var pairable = 0, withModels = 0
        for i in 0..<itemCount {
            let n = itemStart[i + 1] - itemStart[i]
            histogram[n, default: 0] += 1
            if n >= 2 { pairable += 1 }
            if itemModelA[i] >= 0 && itemModelB[i] >= 0 && itemModelA[i] != itemModelB[i] { withModels += 1 }
        }
        coverage.labelsPerItem = histogram.keys.sorted().map { ReportCoverage.LabelCount(labels: $0, items: histogram[$0]!) }
        coverage.pairableItems = pairable
        coverage.itemsWithModels = withModels
    }

    /// The share of agreeing rater pairs on item `i`, Σ n_k(n_k−1) / (n(n−1)); nil below 2 labels.
    func itemAgreement(_ i: Int) -> Double? {
        let n = itemStart[i + 1] - itemStart[i]
        guard n >= 2 else { return nil }
        var agreeing = 0
        for p in runStart[i]..<runStart[i + 1] {
            let c = Int(runCount[p])
            agreeing += c * (c - 1)
        }
        return Double(agreeing) / Double(n * (n - 1))
    }

    /// Up to `limit` items with at least two labels, least agreement first; among equals, more
    /// labels first, then more distinct choices, then task id.
    func contestedItems(limit: Int) -> [ContestedItem] {
        guard limit > 0 else { return [] }
        struct Candidate {
            var item: Int
            var agreement: Double
            var labels: Int
            var distinct: Int
        }
        var candidates: [Candidate] = []
        for i in 0..<itemCount {
            guard let agreement = itemAgreement(i), agreement < 1 else { continue }
            candidates.append(Candidate(item: i, agreement: agreement, labels: itemStart[i + 1] - itemStart[i],
                                        distinct: runStart[i + 1] - runStart[i]))
        }
        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.agreement != b.agreement { return a.agreement < b.agreement }
            if a.labels != b.labels { return a.labels > b.labels }
            if a.distinct != b.distinct { return a.distinct > b.distinct }
            return a.item < b.item
        }
        // Partial selection: a full sort of 100 000 candidates for ten rows is wasted work.
        var top: [Candidate] = []
        for candidate in candidates {
            if top.count < limit {
                top.append(candidate)
                top.sort(by: precedes)
            } else if precedes(candidate, top[top.count - 1]) {
                top[top.count - 1] = candidate
                top.sort(by: precedes)
            }
        }
        return top.map { c in
            var counts: [ContestedItem.ChoiceCount] = []
            for p in runStart[c.item]..<runStart[c.item + 1] {
                counts.append(.init(choice: categories.allNames[Int(runCategory[p])], count: Int(runCount[p])))
            }
            // Runs are in category order; a stable sort keeps that order among equal counts.
            let ordered = counts.enumerated().sorted {
                $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
            }.map(\.element)
            let a = itemModelA[c.item], b = itemModelB[c.item]
            return ContestedItem(task: itemIDs[c.item], labels: c.labels, agreement: c.agreement, counts: ordered,
                                 modelA: a >= 0 ? modelNames[Int(a)] : nil, modelB: b >= 0 ? modelNames[Int(b)] : nil,
                                 gold: itemGoldChoice(c.item))
        }
    }

    /// The gold choice of item `i` as written in the gold file, when it is a gold item.
    func itemGoldChoice(_ i: Int) -> String? {
        guard let gold = itemGold[i] else { return nil }
        if gold.category >= 0 { return categories.allNames[Int(gold.category)] }
        switch gold.side {
        case .a?: return "A"
        case .b?: return "B"
        default: return nil
        }
    }
}
