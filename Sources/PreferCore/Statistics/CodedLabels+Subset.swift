extension CodedLabels {
    /// These labels but those with `keep[j]` false, items left without a label dropped; with the
    /// new index of every old item (-1 when dropped). For the task-file rule and `--by` groups.
    public func subset(keeping keep: [Bool], ratersWithoutLabels: Bool = true) -> (coded: CodedLabels, itemMap: [Int32]) {
        let coded = self
        var itemMap = [Int32](repeating: -1, count: coded.itemNames.count)
        var out = CodedLabels()
        // A rater all of whose labels are left out is gone from the report as the labels are;
        // one who had none to begin with (all undone, only skips) stays.
        var had = [Bool](repeating: false, count: coded.raterNames.count), kept = had
        for j in 0..<coded.item.count {
            had[Int(coded.rater[j])] = true
            if keep[j] { kept[Int(coded.rater[j])] = true }
        }
        var raterMap = [Int32](repeating: -1, count: coded.raterNames.count)
        for r in coded.raterNames.indices where kept[r] || (!had[r] && ratersWithoutLabels) {
            raterMap[r] = Int32(out.raterNames.count)
            out.raterNames.append(coded.raterNames[r])
        }
        out.choiceNames = coded.choiceNames
        out.modelNames = coded.modelNames
        for j in 0..<coded.item.count where keep[j] {
            let old = Int(coded.item[j])
            if itemMap[old] < 0 {
                itemMap[old] = Int32(out.itemNames.count)
                out.itemNames.append(coded.itemNames[old])
                if !coded.itemModelA.isEmpty {
                    out.itemModelA.append(coded.itemModelA[old])
                    out.itemModelB.append(coded.itemModelB[old])
                }
                if !coded.itemGroup.isEmpty { out.itemGroup.append(coded.itemGroup[old]) }
                if !coded.itemGold.isEmpty { out.itemGold.append(coded.itemGold[old]) }
                if !coded.itemLengthA.isEmpty {
                    out.itemLengthA.append(coded.itemLengthA[old])
                    out.itemLengthB.append(coded.itemLengthB[old])
                }
            }
            out.item.append(itemMap[old])
            out.rater.append(raterMap[Int(coded.rater[j])])
            out.choice.append(coded.choice[j])
            out.left.append(coded.left[j])
            out.milliseconds.append(coded.milliseconds[j])
        }
        return (out, itemMap)
    }
}
