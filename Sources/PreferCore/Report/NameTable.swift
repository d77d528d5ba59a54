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
    private var arena: [UInt8] = []
    private var keyStart: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { names.count }

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

    /// Adds every name of `other` (keys are already normalized) and returns, for each of its
    /// ids, the id here.
    mutating func merge(_ other: NameTable) -> [Int32] {
        var map = [Int32](repeating: -1, count: other.count)
        other.arena.withUnsafeBytes { raw in
            for id in 0..<other.count {
                let key = UnsafeRawBufferPointer(rebasing: raw[other.keyStart[id]..<other.keyStart[id + 1]])
                map[id] = intern(key: key) { other.names[id] }
            }
        }
        return map
    }

    /// The id of the name with exactly these key bytes, or nil.
    func find(key: UnsafeRawBufferPointer) -> Int32? {
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if equals(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `name` if it is in the table.
    func find(_ name: String) -> Int32? {
        var key = name
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { key = key.precomposedStringWithCanonicalMapping }
        return key.withUTF8 { find(key: UnsafeRawBufferPointer($0)) }
    }

    private mutating func intern(key: UnsafeRawBufferPointer, display: () -> String) -> Int32 {
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if equals(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(names.count)
        names.append(display())
        arena.append(contentsOf: key)
        keyStart.append(arena.count)
        slots[slot] = id
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = keyStart[id], length = keyStart[id + 1] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var bigger = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        arena.withUnsafeBytes { raw in
            for id in 0..<names.count {
                let key = UnsafeRawBufferPointer(rebasing: raw[keyStart[id]..<keyStart[id + 1]])
                var slot = Self.hash(key) & newMask
                while bigger[slot] >= 0 { slot = (slot + 1) & newMask }
                bigger[slot] = Int32(id)
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
    static func hash(_ raw: UnsafeRawBufferPointer) -> Int {
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
        return Int(truncatingIfNeeded: h)
    }
}
