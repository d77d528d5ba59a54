import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Interns names (task ids, rater names, choices) by their UTF-8 bytes: an open-addressing hash
/// table over one byte arena, so that a label line costs a hash and a `memcmp`, not a Swift
/// `String` and a dictionary lookup.
///
/// Names are compared as Swift compares strings, by canonical equivalence: ASCII names (all
/// that `prefer label` writes) are keyed by their bytes; any other name is keyed by the bytes
/// of its NFC form, so `"é"` written precomposed or as `e` + U+0301 is one name (the first
/// spelling seen is the one kept for display).
struct NameTable: Sendable {
    /// Display spelling of each name, in first-seen order.
    private(set) var names: [String] = []
    /// Entries: the id (4 bytes), the key's length (4 bytes), then the key's bytes.
    private var arena: [UInt8] = []
    /// Where each id's entry starts in `arena`.
    private var entryStart: [Int] = []
    /// 0 = empty; else the top 24 bits of the hash above (entry offset + 1) in the low 40 bits,
    /// so that a probe touches the arena only when the hash tags match: a hit costs two cache
    /// misses (slot, entry) even in a table of millions of names.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { names.count }

    private static let offsetBits: UInt64 = 40
    private static let offsetMask: UInt64 = (1 << 40) - 1

    /// The id of the name whose raw JSON string content (between the quotes) is at `range` of
    /// `bytes`; `hasEscapes` as the scanner reported it.
    mutating func intern(content bytes: UnsafeRawBufferPointer, _ range: Range<Int>, hasEscapes: Bool) -> Int32 {
        if !hasEscapes {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
            if Self.isASCII(raw) { return intern(key: raw) { String(decoding: raw, as: UTF8.self) } }
        }
        return intern(JSONStringDecoder.decodeContent(bytes, range))
    }

    /// The id of `name`, adding it when new.
    mutating func intern(_ name: String) -> Int32 {
        var key = name
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { key = key.precomposedStringWithCanonicalMapping }
        return key.withUTF8 { utf8 in intern(key: UnsafeRawBufferPointer(utf8)) { name } }
    }

    /// The key bytes of `id`.
    private func withKey<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        arena.withUnsafeBytes { raw in
            let start = entryStart[id]
            let length = Int(raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self))
            return body(UnsafeRawBufferPointer(rebasing: raw[(start + 8)..<(start + 8 + length)]))
        }
    }

    /// Looks `key` up; returns the id, or the empty slot where it would go as `-(slot + 1)`.
    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, _ h: UInt64) -> Int {
        let tag = h >> Self.offsetBits
        var slot = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBytes { raw -> Int in
            while true {
                let entry = slots[slot]
                if entry == 0 { return -(slot + 1) }
                if entry >> Self.offsetBits == tag {
                    let start = Int(entry & Self.offsetMask) - 1
                    let length = Int(raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self))
                    if length == key.count
                        && (length == 0 || memcmp(raw.baseAddress! + start + 8, key.baseAddress!, length) == 0) {
                        return Int(raw.loadUnaligned(fromByteOffset: start, as: Int32.self))
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds every name of `other` (keys are already normalized) and returns, for each of its
    /// ids, the id here.
    mutating func merge(_ other: NameTable) -> [Int32] {
        var map = [Int32](repeating: -1, count: other.count)
        for id in 0..<other.count {
            map[id] = other.withKey(id) { key in intern(key: key) { other.names[id] } }
        }
        return map
    }

    /// The ids in the order Swift's `<` puts the names in: bytewise order of the keys, which
    /// are the NFC forms for non-ASCII names (Swift compares strings by their NFC scalars).
    func sortedIDs() -> [Int32] {
        arena.withUnsafeBytes { raw -> [Int32] in
            // The first eight bytes, big-endian, decide most comparisons with one integer compare.
            var prefix = [UInt64](repeating: 0, count: count)
            for id in 0..<count {
                var word: UInt64 = 0
                let start = entryStart[id] + 8
                let length = min(8, Int(raw.loadUnaligned(fromByteOffset: start - 4, as: UInt32.self)))
                for k in 0..<8 { word = word << 8 | (k < length ? UInt64(raw[start + k]) : 0) }
                prefix[id] = word
            }
            var ids = (0..<Int32(count)).map { $0 }
            ids.sort { a, b in
                let x = Int(a), y = Int(b)
                if prefix[x] != prefix[y] { return prefix[x] < prefix[y] }
                let xs = entryStart[x], ys = entryStart[y]
                let xl = Int(raw.loadUnaligned(fromByteOffset: xs + 4, as: UInt32.self))
                let yl = Int(raw.loadUnaligned(fromByteOffset: ys + 4, as: UInt32.self))
                let order = memcmp(raw.baseAddress! + xs + 8, raw.baseAddress! + ys + 8, min(xl, yl))
                return order != 0 ? order < 0 : xl < yl
            }
            return ids
        }
    }

    /// The id of the name with exactly these key bytes, or nil.
    func find(key: UnsafeRawBufferPointer) -> Int32? {
        let found = probe(key, Self.hash(key))
        return found >= 0 ? Int32(found) : nil
    }

    /// The id of `name` if it is in the table.
    func find(_ name: String) -> Int32? {
        var key = name
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { key = key.precomposedStringWithCanonicalMapping }
        return key.withUTF8 { find(key: UnsafeRawBufferPointer($0)) }
    }

    private mutating func intern(key: UnsafeRawBufferPointer, display: () -> String) -> Int32 {
        let h = Self.hash(key)
        let found = probe(key, h)
        if found >= 0 { return Int32(found) }
        let slot = -found - 1
        let id = Int32(names.count)
        let start = arena.count
        withUnsafeBytes(of: id.littleEndian) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(key.count).littleEndian) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: key)
        names.append(display())
        entryStart.append(start)
        slots[slot] = (h >> Self.offsetBits) << Self.offsetBits | UInt64(start + 1)
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        var bigger = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBytes { raw in
            for id in 0..<names.count {
                let start = entryStart[id]
                let length = Int(raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self))
                let h = Self.hash(UnsafeRawBufferPointer(rebasing: raw[(start + 8)..<(start + 8 + length)]))
                var slot = Int(truncatingIfNeeded: h) & newMask
                while bigger[slot] != 0 { slot = (slot + 1) & newMask }
                bigger[slot] = (h >> Self.offsetBits) << Self.offsetBits | UInt64(start + 1)
            }
        }
        slots = bigger
        mask = newMask
    }

    @inline(__always)
    static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = raw.count
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if raw[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// A fast 64-bit mix of the key's bytes, eight at a time (not for untrusted-input DoS
    /// resistance: a report reads its lead's own files).
    @inline(__always)
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        let n = raw.count
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h
    }
}
