/// How often decisive labels chose the longer response (SPEC-free; issue 17): among decisive
/// labels on items whose judged texts differ by more than `equalBand` characters, the share
/// that chose the longer one, with a two-sided exact binomial test against 0.5. Labels on
/// items within the band are left out (counted in `withinBand`).
public struct LengthBias: Sendable, Equatable {
    /// Pairs within this many characters count as equal length.
    public static let equalBand = 50

    /// The rater, or nil for all labels together.
    public var rater: String?
    public var longerChosen: Int
    /// Decisive labels on items with a length difference above the band.
    public var compared: Int
    /// Decisive labels on items within the band (left out).
    public var withinBand: Int
    public var share: Estimate
    public var p: Estimate

    init(rater: String?, longerChosen: Int, compared: Int, withinBand: Int) {
        self.rater = rater
        self.longerChosen = longerChosen
        self.compared = compared
        self.withinBand = withinBand
        let none = "no decisive label on an item whose responses differ by more than \(Self.equalBand) characters"
        share = compared > 0 ? .value(Double(longerChosen) / Double(compared)) : .undefined(none)
        p = compared > 0 ? BinomialTest.twoSidedPValue(successes: longerChosen, trials: compared) : .undefined(none)
    }
}

extension RatingMatrix {
    /// The judged-text lengths per item, when the task file gave them.
    var responseLengths: ResponseLengths? {
        itemLengthA.isEmpty ? nil : ResponseLengths(a: itemLengthA, b: itemLengthB)
    }

    /// Length bias of all labels and of each rater (rater-name order); nil without lengths.
    func lengthBias() -> (overall: LengthBias, raters: [LengthBias])? {
        guard let lengths = responseLengths else { return nil }
        let verdicts = categories.verdicts
        var longer = [Int](repeating: 0, count: raterCount), compared = longer, within = longer
        for i in 0..<itemCount {
            let side = lengths.longer(item: i)
            let known = lengths.a[i] >= 0 && lengths.b[i] >= 0
            guard known else { continue }
            for p in itemStart[i]..<itemStart[i + 1] {
                let verdict = verdicts[Int(labelCategory[p])]
                guard verdict == .a || verdict == .b else { continue }
                let r = Int(labelRater[p])
                if let side {
                    compared[r] += 1
                    if verdict == side { longer[r] += 1 }
                } else {
                    within[r] += 1
                }
            }
        }
        let raters = (0..<raterCount).map {
            LengthBias(rater: raterIDs[$0], longerChosen: longer[$0], compared: compared[$0], withinBand: within[$0])
        }
        let overall = LengthBias(rater: nil, longerChosen: longer.reduce(0, +), compared: compared.reduce(0, +),
                                 withinBand: within.reduce(0, +))
        return (overall, raters)
    }
}
