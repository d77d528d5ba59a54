extension CodedLabels {
    /// These labels without the raters named in `leads` who have no label: a lead who only
    /// adjudicated wrote a sitting but is not a rater, so the report does not list her.
    public func droppingLeadsWithoutLabels(_ leads: Set<String>) -> CodedLabels {
        guard !leads.isEmpty else { return self }
        var labeled = [Bool](repeating: false, count: raterNames.count)
        for r in rater { labeled[Int(r)] = true }
        let dropped = raterNames.indices.filter { !labeled[$0] && leads.contains(raterNames[$0]) }
        guard !dropped.isEmpty else { return self }
        var out = self
        var newIndex = [Int32](repeating: -1, count: raterNames.count)
        out.raterNames = []
        for r in raterNames.indices where !dropped.contains(r) {
            newIndex[r] = Int32(out.raterNames.count)
            out.raterNames.append(raterNames[r])
        }
        out.rater = rater.map { newIndex[Int($0)] }
        return out
    }
}
