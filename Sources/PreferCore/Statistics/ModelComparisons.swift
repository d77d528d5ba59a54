/// Per item: which two models it compares and how its labels fell, in model-name order.
///
/// Only items whose task names two different models count; a label counts by its verdict
/// (`A>>B` and `A>B` are both wins for A), and labels with no A/B verdict are ignored.
struct ModelComparisons: Sendable {
    /// Index (into `RatingMatrix.modelNames`) of the first model by name, or -1 when the item
    /// compares no two distinct models.
    let first: [Int32]
    let second: [Int32]
    let winsFirst: [Int32]
    let winsSecond: [Int32]
    let ties: [Int32]
    let bothBad: [Int32]

    init(_ m: RatingMatrix) {
        let verdicts = m.categories.verdicts
        let n = m.itemCount
        var first = [Int32](repeating: -1, count: n), second = first
        var winsFirst = [Int32](repeating: 0, count: n), winsSecond = winsFirst
        var ties = winsFirst, bothBad = winsFirst
        for i in 0..<n {
            let a = m.itemModelA[i], b = m.itemModelB[i]
            guard a >= 0, b >= 0, a != b else { continue }
            // Model indexes follow name order, so the smaller index is the first model.
            let aIsFirst = a < b
            first[i] = min(a, b)
            second[i] = max(a, b)
            for p in m.itemStart[i]..<m.itemStart[i + 1] {
                switch verdicts[Int(m.labelCategory[p])] {
                case .a: if aIsFirst { winsFirst[i] += 1 } else { winsSecond[i] += 1 }
                case .b: if aIsFirst { winsSecond[i] += 1 } else { winsFirst[i] += 1 }
                case .tie: ties[i] += 1
                case .bothBad: bothBad[i] += 1
                case .other: break
                }
            }
        }
        self.first = first
        self.second = second
        self.winsFirst = winsFirst
        self.winsSecond = winsSecond
        self.ties = ties
        self.bothBad = bothBad
    }

    /// The Bradley–Terry win matrix (M × M, row beats column) with a tie as half a win each
    /// way, each item counted `weights[i]` times (nil: once).
    func bradleyTerryWins(modelCount: Int, weights: [Int32]? = nil) -> [Double] {
        var wins = [Double](repeating: 0, count: modelCount * modelCount)
        for i in first.indices where first[i] >= 0 {
            var w = 1.0
            if let weights {
                if weights[i] == 0 { continue }
                w = Double(weights[i])
            }
            let f = Int(first[i]), s = Int(second[i])
            let half = 0.5 * Double(ties[i])
            wins[f * modelCount + s] += w * (Double(winsFirst[i]) + half)
            wins[s * modelCount + f] += w * (Double(winsSecond[i]) + half)
        }
        return wins
    }
}
