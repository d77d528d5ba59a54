/// Integer-coded labels: items × raters → category index, plus what each label and item carry.
///
/// Built once from string labels; every statistic then runs over flat arrays with no
/// dictionaries in its loops. Items and raters are sorted by name so that the same labels in
/// any input order give the same matrix — and so the same bootstrap resamples.
public struct RatingMatrix: Sendable {
    /// The declared categories; `labelCategory` indexes into `categories.allNames` (a code of
    /// `categories.count` or more is a set-aside choice, such as likert5's `both_bad`).
    public let categories: CategorySet
    /// Item (task) ids, sorted; item index `i` is `itemIDs[i]`.
    public let itemIDs: [String]
    /// Rater names, sorted; rater index `r` is `raterIDs[r]`.
    public let raterIDs: [String]
    /// Model names seen on labeled items, sorted.
    public let modelNames: [String]

    // Labels grouped by item (item order), raters ascending inside an item.
    let itemStart: [Int]
    let labelRater: [Int32]
    let labelCategory: [Int32]
    let labelItem: [Int32]
    /// 0 = A was on the left, 1 = B was on the left, -1 = not recorded.
    let labelLeft: [Int8]
    /// Milliseconds, or `RatingMatrix.noMilliseconds`.
    let labelMs: [Int]
    // Category counts per item as runs (category ascending), so items cost O(categories used).
    let runStart: [Int]
    let runCategory: [Int32]
    let runCount: [Int32]
    // Label indexes grouped by rater, items ascending.
    let raterStart: [Int]
    let raterLabels: [Int32]
    // Per item: model indexes (-1 when absent) and the gold answer.
    let itemModelA: [Int32]
    let itemModelB: [Int32]
    let itemGold: [GoldAnswer?]
    /// Per item: judged-text lengths of response A and B (-1 unknown); empty without them.
    let itemLengthA: [Int32]
    let itemLengthB: [Int32]

    /// Labels of each set-aside choice (parallel to `categories.setAside`).
    public let setAsideCounts: [Int]
    /// This matrix without the set-aside labels, nil when there are none.
    private(set) var agreementBox: AgreementLabels?

    /// Holds the agreement matrix (a class, so that a matrix can hold another).
    final class AgreementLabels: Sendable {
        let matrix: RatingMatrix
        init(_ matrix: RatingMatrix) { self.matrix = matrix }
    }

    /// The labels every agreement statistic reads: this matrix without the labels of set-aside
    /// choices (likert5's `both_bad` has no place on the scale's line, so ordinal and interval
    /// statistics cannot take it, and nominal ones leave it out too so that every agreement
    /// figure of a report stands on the same labels). Same items, raters, models and gold, so
    /// item indexes and bootstrap weights carry over; an item may be left with no label.
    /// Without set-aside labels it is this matrix itself.
    public var agreementLabels: RatingMatrix { agreementBox?.matrix ?? self }

    /// Number of labels with a set-aside choice.
    public var setAsideLabelCount: Int { setAsideCounts.reduce(0, +) }

    static let noMilliseconds = CodedLabels.noMilliseconds

    /// A gold answer resolved against the declared categories.
    struct GoldAnswer: Sendable {
        /// The category spelled exactly like the gold choice, or -1.
        var category: Int32
        /// `.a`/`.b` when the gold choice is exactly `A` or `B` (then any A-side or B-side
        /// choice, such as likert5 `A>>B`, counts as correct), else nil.
        var side: Verdict?
    }

    /// Number of items (tasks with at least one label).
    public var itemCount: Int { itemIDs.count }
    /// Number of raters with at least one label.
    public var raterCount: Int { raterIDs.count }
    /// Number of labels.
    public var labelCount: Int { labelRater.count }

    /// Declares the categories from the labels (SPEC §8) and builds the matrix.
    public static func build(
        labels: [ObservedLabel], items: [String: ItemInfo] = [:],
        categories explicit: [String]? = nil, ordinal: Bool = false, scaleHint: Scale? = nil
    ) throws(StatisticsError) -> RatingMatrix {
        let declared = try CategorySet.declare(choices: labels.lazy.map(\.choice), explicit: explicit,
                                               ordinal: ordinal, scaleHint: scaleHint)
        return try RatingMatrix(labels: labels, categories: declared, items: items)
    }

    /// Builds the matrix from labels whose choices all belong to `categories`.
    public init(labels: [ObservedLabel], categories: CategorySet,
                items: [String: ItemInfo] = [:]) throws(StatisticsError) {
        var categoryIndex: [String: Int32] = [:]
        for (k, name) in categories.allNames.enumerated() { categoryIndex[name] = Int32(k) }

        // Intern strings in first-seen order.
        let n = labels.count
        var itemFirst: [String: Int32] = [:], raterFirst: [String: Int32] = [:]
        var raw = CodedLabels()
        raw.item.reserveCapacity(n)
        raw.rater.reserveCapacity(n)
        raw.choice.reserveCapacity(n)
        raw.left.reserveCapacity(n)
        raw.milliseconds.reserveCapacity(n)
        for label in labels {
            guard let c = categoryIndex[label.choice] else {
                throw .unknownChoice(choice: label.choice, item: label.item, rater: label.rater,
                                     declared: categories.allNames)
            }
            raw.choice.append(c)
            raw.item.append(Self.intern(label.item, &itemFirst, &raw.itemNames))
            raw.rater.append(Self.intern(label.rater, &raterFirst, &raw.raterNames))
            switch label.left {
            case .a?: raw.left.append(0)
            case .b?: raw.left.append(1)
            case nil: raw.left.append(-1)
            }
            raw.milliseconds.append(label.milliseconds ?? CodedLabels.noMilliseconds)
        }
        raw.choiceNames = categories.allNames
        var modelFirst: [String: Int32] = [:]
        raw.itemModelA = [Int32](repeating: -1, count: raw.itemNames.count)
        raw.itemModelB = raw.itemModelA
        raw.itemGold = [String?](repeating: nil, count: raw.itemNames.count)
        for (i, name) in raw.itemNames.enumerated() {
            guard let info = items[name] else { continue }
            if let a = info.modelA { raw.itemModelA[i] = Self.intern(a, &modelFirst, &raw.modelNames) }
            if let b = info.modelB { raw.itemModelB[i] = Self.intern(b, &modelFirst, &raw.modelNames) }
            raw.itemGold[i] = info.gold
        }
        try self.init(coded: raw, categories: categories, choicesAreCategories: true)
    }

    /// Builds the matrix from integer-coded labels (see `CodedLabels`), the fast path for large
    /// inputs: no string is hashed per label. Every choice name must be a declared category.
    public init(coded raw: CodedLabels, categories: CategorySet) throws(StatisticsError) {
        try self.init(coded: raw, categories: categories, choicesAreCategories: false)
    }

    private init(coded raw: CodedLabels, categories: CategorySet,
                 choicesAreCategories: Bool) throws(StatisticsError) {
        self.categories = categories
        var categoryIndex: [String: Int32] = [:]
        for (k, name) in categories.allNames.enumerated() { categoryIndex[name] = Int32(k) }
        let n = raw.item.count
        // Choice code -> category index (identity when the codes already are categories).
        var rawCategory = raw.choice
        if !choicesAreCategories {
            var map = [Int32](repeating: -1, count: raw.choiceNames.count)
            for (k, name) in raw.choiceNames.enumerated() { map[k] = categoryIndex[name] ?? -1 }
            for j in 0..<n {
                let c = map[Int(raw.choice[j])]
                guard c >= 0 else {
                    throw .unknownChoice(choice: raw.choiceNames[Int(raw.choice[j])],
                                         item: raw.itemNames[Int(raw.item[j])],
                                         rater: raw.raterNames[Int(raw.rater[j])], declared: categories.allNames)
                }
                rawCategory[j] = c
            }
        }
        let rawItem = raw.item, rawRater = raw.rater
        let (sortedItems, itemRank) = Self.sortedRanks(raw.itemNames)
        let (sortedRaters, raterRank) = Self.sortedRanks(raw.raterNames)
        itemIDs = sortedItems
        raterIDs = sortedRaters
        let itemTotal = sortedItems.count, raterTotal = sortedRaters.count

        // Counting sort by item, then by rater inside each item.
        var start = [Int](repeating: 0, count: itemTotal + 1)
        for j in 0..<n { start[Int(itemRank[Int(rawItem[j])]) + 1] += 1 }
        for i in 0..<itemTotal { start[i + 1] += start[i] }
        var fill = start
        var order = [Int](repeating: 0, count: n)
        for j in 0..<n {
            let i = Int(itemRank[Int(rawItem[j])])
            order[fill[i]] = j
            fill[i] += 1
        }
        for i in 0..<itemTotal where start[i + 1] - start[i] > 1 {
            order[start[i]..<start[i + 1]].sort { raterRank[Int(rawRater[$0])] < raterRank[Int(rawRater[$1])] }
            for p in (start[i] + 1)..<start[i + 1]
            where rawRater[order[p]] == rawRater[order[p - 1]] {
                throw .duplicateLabel(item: sortedItems[i], rater: raw.raterNames[Int(rawRater[order[p]])])
            }
        }
        itemStart = start

        var lRater = [Int32](repeating: 0, count: n), lCategory = [Int32](repeating: 0, count: n)
        var lItem = [Int32](repeating: 0, count: n), lLeft = [Int8](repeating: -1, count: n)
        var lMs = [Int](repeating: Self.noMilliseconds, count: n)
        for i in 0..<itemTotal {
            for p in start[i]..<start[i + 1] {
                let j = order[p]
                lRater[p] = raterRank[Int(rawRater[j])]
                lCategory[p] = rawCategory[j]
                lItem[p] = Int32(i)
                lLeft[p] = raw.left[j]
                lMs[p] = raw.milliseconds[j]
            }
        }
        labelRater = lRater; labelCategory = lCategory; labelItem = lItem
        labelLeft = lLeft; labelMs = lMs

        (runStart, runCategory, runCount) = Self.categoryRuns(itemStart: start, categories: lCategory,
                                                             categoryCount: categories.allNames.count)
        (raterStart, raterLabels) = Self.groupByRater(labelRater: lRater, raterCount: raterTotal)
        (modelNames, itemModelA, itemModelB, itemGold) = Self.itemSideInfo(
            raw: raw, itemRank: itemRank, categoryIndex: categoryIndex)
        if raw.itemLengthA.count == raw.itemNames.count && raw.itemLengthB.count == raw.itemNames.count {
            var a = [Int32](repeating: -1, count: itemTotal), b = a
            for i in 0..<itemTotal {
                a[Int(itemRank[i])] = raw.itemLengthA[i]
                b[Int(itemRank[i])] = raw.itemLengthB[i]
            }
            itemLengthA = a
            itemLengthB = b
        } else {
            itemLengthA = []
            itemLengthB = []
        }
        var setAside = [Int](repeating: 0, count: categories.setAside.count)
        for c in lCategory where Int(c) >= categories.count { setAside[Int(c) - categories.count] += 1 }
        setAsideCounts = setAside
        agreementBox = nil
        if setAsideLabelCount > 0 { agreementBox = AgreementLabels(RatingMatrix(leavingOutSetAsideOf: self)) }
    }

    /// `full` without its set-aside labels (see `agreementLabels`): the kept labels, runs and
    /// rater lists in the same order, every item and rater still listed.
    private init(leavingOutSetAsideOf full: RatingMatrix) {
        let q = Int32(full.categories.count)
        categories = full.categories
        itemIDs = full.itemIDs
        raterIDs = full.raterIDs
        modelNames = full.modelNames
        itemModelA = full.itemModelA
        itemModelB = full.itemModelB
        itemGold = full.itemGold
        itemLengthA = full.itemLengthA
        itemLengthB = full.itemLengthB
        var start = [0], lRater: [Int32] = [], lCategory: [Int32] = [], lItem: [Int32] = []
        var lLeft: [Int8] = [], lMs: [Int] = []
        var rStart = [0], rCategory: [Int32] = [], rCount: [Int32] = []
        for i in 0..<full.itemCount {
            for p in full.itemStart[i]..<full.itemStart[i + 1] where full.labelCategory[p] < q {
                lRater.append(full.labelRater[p])
                lCategory.append(full.labelCategory[p])
                lItem.append(full.labelItem[p])
                lLeft.append(full.labelLeft[p])
                lMs.append(full.labelMs[p])
            }
            start.append(lRater.count)
            for p in full.runStart[i]..<full.runStart[i + 1] where full.runCategory[p] < q {
                rCategory.append(full.runCategory[p])
                rCount.append(full.runCount[p])
            }
            rStart.append(rCategory.count)
        }
        itemStart = start
        labelRater = lRater; labelCategory = lCategory; labelItem = lItem; labelLeft = lLeft; labelMs = lMs
        runStart = rStart; runCategory = rCategory; runCount = rCount
        (raterStart, raterLabels) = Self.groupByRater(labelRater: lRater, raterCount: full.raterCount)
        setAsideCounts = [Int](repeating: 0, count: full.categories.setAside.count)
        agreementBox = nil
    }

    private static func intern(_ s: String, _ table: inout [String: Int32], _ names: inout [String]) -> Int32 {
        if let id = table[s] { return id }
        let id = Int32(names.count)
        table[s] = id
        names.append(s)
        return id
    }

    /// Sorted names and, for each first-seen id, its rank in the sorted order.
    private static func sortedRanks(_ names: [String]) -> ([String], [Int32]) {
        let order = names.indices.sorted { names[$0] < names[$1] }
        var rank = [Int32](repeating: 0, count: names.count)
        for (r, id) in order.enumerated() { rank[id] = Int32(r) }
        return (order.map { names[$0] }, rank)
    }

    private static func categoryRuns(itemStart: [Int], categories: [Int32],
                                     categoryCount: Int) -> ([Int], [Int32], [Int32]) {
        var counts = [Int32](repeating: 0, count: categoryCount)
        var touched: [Int32] = []
        var runStart = [0], runCategory: [Int32] = [], runCount: [Int32] = []
        runCategory.reserveCapacity(categories.count)
        runCount.reserveCapacity(categories.count)
        for i in 0..<(itemStart.count - 1) {
            for p in itemStart[i]..<itemStart[i + 1] {
                let c = Int(categories[p])
                if counts[c] == 0 { touched.append(Int32(c)) }
                counts[c] += 1
            }
            touched.sort()
            for c in touched {
                runCategory.append(c)
                runCount.append(counts[Int(c)])
                counts[Int(c)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            runStart.append(runCategory.count)
        }
        return (runStart, runCategory, runCount)
    }

    private static func groupByRater(labelRater: [Int32], raterCount: Int) -> ([Int], [Int32]) {
        var start = [Int](repeating: 0, count: raterCount + 1)
        for r in labelRater { start[Int(r) + 1] += 1 }
        for r in 0..<raterCount { start[r + 1] += start[r] }
        var fill = start
        var out = [Int32](repeating: 0, count: labelRater.count)
        // Labels are in item order, so each rater's list comes out in item order too.
        for (p, r) in labelRater.enumerated() {
            out[fill[Int(r)]] = Int32(p)
            fill[Int(r)] += 1
        }
        return (start, out)
    }

    /// Models (sorted by name, only those of labeled items) and gold answers per sorted item.
    private static func itemSideInfo(raw: CodedLabels, itemRank: [Int32], categoryIndex: [String: Int32])
        -> ([String], [Int32], [Int32], [GoldAnswer?]) {
        let itemTotal = raw.itemNames.count
        var used = [Bool](repeating: false, count: raw.modelNames.count)
        for i in 0..<itemTotal {
            if i < raw.itemModelA.count, raw.itemModelA[i] >= 0 { used[Int(raw.itemModelA[i])] = true }
            if i < raw.itemModelB.count, raw.itemModelB[i] >= 0 { used[Int(raw.itemModelB[i])] = true }
        }
        let usedModels = raw.modelNames.indices.filter { used[$0] }
        let sortedModels = usedModels.sorted { raw.modelNames[$0] < raw.modelNames[$1] }
        var modelRank = [Int32](repeating: -1, count: raw.modelNames.count)
        for (k, m) in sortedModels.enumerated() { modelRank[m] = Int32(k) }
        var modelA = [Int32](repeating: -1, count: itemTotal)
        var modelB = modelA
        var gold = [GoldAnswer?](repeating: nil, count: itemTotal)
        for i in 0..<itemTotal {
            let sorted = Int(itemRank[i])
            if i < raw.itemModelA.count, raw.itemModelA[i] >= 0 { modelA[sorted] = modelRank[Int(raw.itemModelA[i])] }
            if i < raw.itemModelB.count, raw.itemModelB[i] >= 0 { modelB[sorted] = modelRank[Int(raw.itemModelB[i])] }
            if i < raw.itemGold.count, let g = raw.itemGold[i] {
                let side: Verdict? = g == "A" ? .a : (g == "B" ? .b : nil)
                gold[sorted] = GoldAnswer(category: categoryIndex[g] ?? -1, side: side)
            }
        }
        return (sortedModels.map { raw.modelNames[$0] }, modelA, modelB, gold)
    }
}
