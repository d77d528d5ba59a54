/// The model pairs compared on each question, per `--pairs`.
struct PairPlanner {
    let models: [String]
    let mode: PairMode
    let seed: UInt64

    /// Every pair the mode allows, in `--models` order (the first model of a pair comes first).
    var allPairs: [(String, String)] {
        switch mode {
        case .all, .sample:
            var pairs: [(String, String)] = []
            for i in models.indices {
                for j in models.indices where j > i { pairs.append((models[i], models[j])) }
            }
            return pairs
        case .baseline(let baseline):
            return models.filter { $0 != baseline }.map { (baseline, $0) }
        }
    }

    /// The pairs for question number `index` (0-based); `answered` are the models that have an
    /// answer to it, which `sample:N` draws among so that a draw is not wasted on a gap.
    func pairs(forQuestion index: Int, answered: Set<String>) -> [(String, String)] {
        let pairs = allPairs
        guard case .sample(let count) = mode else { return pairs }
        let pool = pairs.indices.filter { answered.contains(pairs[$0].0) && answered.contains(pairs[$0].1) }
        var generator = Xoshiro256StarStar.stream(seed: seed ^ 0x5A4D_504C_4550_4149, index: index)
        var order = pool
        SideAssignment.shuffle(&order, with: &generator)
        return order.prefix(count).sorted().map { pairs[$0] }
    }
}
