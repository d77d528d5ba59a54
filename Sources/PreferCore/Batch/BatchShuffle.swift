import Crypto

/// Each rater's order of a batch (SPEC §10): a deterministic shuffle from (batch name,
/// rater), the same on every machine and in every Swift version, with the gold tasks spread
/// evenly through it.
///
/// The generator is fixed here, not Swift's (whose `shuffled()` and hasher are seeded per
/// process): the seed is the first 8 bytes, big-endian, of SHA-256("prefer-batch-order" NUL
/// name NUL rater); it seeds `Xoshiro256StarStar`, and the shuffle is Fisher–Yates from the
/// last position down with `below(i + 1)` (Lemire's unbiased bounded draw). Never change
/// this: a rater who comes back must find the same order.
public enum BatchShuffle {
    /// The task indices of a batch in `rater`'s order.
    ///
    /// With `.file` the order is the task file's. With `.shuffled` the non-gold tasks are
    /// shuffled, the gold tasks are shuffled on their own, and gold task k of G is put
    /// before non-gold position ⌊(2k + 1)·N / 2G⌋, so every stretch of the order holds its
    /// share of gold (a rater who stops early has still seen some).
    public static func order(taskCount: Int, gold: [Int], batchName: String, rater: String,
                             order: BatchOrder) -> [Int] {
        guard order == .shuffled else { return Array(0..<taskCount) }
        var generator = Xoshiro256StarStar(seed: seed(batchName: batchName, rater: rater, purpose: "prefer-batch-order"))
        let goldSet = Set(gold)
        var plain = (0..<taskCount).filter { !goldSet.contains($0) }
        var golden = gold.sorted()
        shuffle(&plain, with: &generator)
        shuffle(&golden, with: &generator)
        let n = plain.count, g = golden.count
        var result: [Int] = []
        result.reserveCapacity(taskCount)
        var nextGold = 0
        for (position, task) in plain.enumerated() {
            while nextGold < g, (2 * nextGold + 1) * n / (2 * g) <= position {
                result.append(golden[nextGold])
                nextGold += 1
            }
            result.append(task)
        }
        result.append(contentsOf: golden[nextGold...])
        return result
    }

    /// Fisher–Yates from the end: position i swaps with a uniform j in 0...i.
    static func shuffle(_ items: inout [Int], with generator: inout Xoshiro256StarStar) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(generator.below(UInt64(i + 1)))
            items.swapAt(i, j)
        }
    }

    /// The first 8 bytes (big-endian) of SHA-256(`purpose` NUL name NUL rater [NUL extra]).
    static func seed(batchName: String, rater: String, purpose: String, extra: String? = nil) -> UInt64 {
        var input = Array(purpose.utf8)
        input.append(0)
        input.append(contentsOf: batchName.utf8)
        input.append(0)
        input.append(contentsOf: rater.utf8)
        if let extra {
            input.append(0)
            input.append(contentsOf: extra.utf8)
        }
        let digest = SHA256.hash(data: input)
        return digest.withUnsafeBytes { bytes in bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }

    /// Whether the pick after `rater`'s `labelNumber`-th label is a repeat: a uniform draw in
    /// [0, 1) from SHA-256("prefer-batch-repeat" NUL name NUL rater NUL labelNumber), below
    /// `rate`. Fixed by the label count, so a resumed sitting decides the same way.
    public static func repeatDraw(batchName: String, rater: String, labelNumber: Int) -> UInt64 {
        seed(batchName: batchName, rater: rater, purpose: "prefer-batch-repeat", extra: String(labelNumber))
    }
}
