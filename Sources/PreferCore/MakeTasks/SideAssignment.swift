/// Decides which model of a pair is A in each of the pair's tasks: exactly half of them (one
/// more or less for an odd count) for each model, in an order shuffled by the seed, so a
/// rater can never learn "model X is usually A" and position effects cancel out.
enum SideAssignment {
    /// For `count` tasks of the pair (`first`, `second`), whether `first` is A in each.
    static func firstIsA(count: Int, first: String, second: String, seed: UInt64) -> [Bool] {
        var generator = Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ fnv1a(first + "\u{0}" + second)))
        var flags = (0..<count).map { $0 < count / 2 }
        if count % 2 == 1 { flags[count - 1] = generator.below(2) == 0 }
        shuffle(&flags, with: &generator)
        return flags
    }

    /// Fisher–Yates with the generator's own bounded draw, so the order is fixed by this code
    /// and not by the standard library's unspecified shuffle.
    static func shuffle<T>(_ items: inout [T], with generator: inout Xoshiro256StarStar) {
        guard items.count > 1 else { return }
        for k in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(generator.below(UInt64(k + 1)))
            items.swapAt(k, j)
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: a stable hash (Swift's `Hasher` changes per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
