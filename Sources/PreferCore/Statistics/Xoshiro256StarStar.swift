/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference C code): a 64-bit generator used
/// here only to expand seeds, as the xoshiro authors recommend.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// Advances the state by the golden gamma and returns the mixed value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function (a variant of the MurmurHash3 finaliser).
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna 2018): the bootstrap's generator, written here so that
/// the same seed gives the same resamples on every platform and Swift version.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Seeds the four state words with four consecutive SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        s0 = expander.next(); s1 = expander.next(); s2 = expander.next(); s3 = expander.next()
    }

    /// Starts from an explicit state (not all zero), as the reference test vectors do.
    public init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro's state must not be all zero")
        self.s0 = s0; self.s1 = s1; self.s2 = s2; self.s3 = s3
    }

    /// The generator of bootstrap resample `index` under `seed`: seeded with the
    /// (index+1)-th output of SplitMix64 started at `seed`, so each resample has its own
    /// stream and the result does not depend on which thread draws it.
    public static func stream(seed: UInt64, index: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.mix(seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15))
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-and-reject (2019), unbiased and
    /// fixed by this file rather than by the standard library's unspecified algorithm.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "empty range")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
