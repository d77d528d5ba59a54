#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Task ids packed into one byte buffer, with a hash index for lookup by id.
///
/// A task file can hold hundreds of thousands of ids; as separate Swift strings in a
/// dictionary they would cost several times their size in headers and buckets, so they are
/// kept as UTF-8 bytes end to end and turned into a String only when asked for.
struct TaskIdTable: Sendable {
    private var bytes: [UInt8] = []
    /// `ends[k]` is where id `k` ends in `bytes`; it starts where id `k - 1` ends.
    private var ends: [Int] = []
    /// Open-addressing hash index: id positions, -1 for an empty slot. Empty until `index`.
    private var slots: [Int32] = []
    /// The NFC form of each non-ASCII id whose bytes are not already NFC, by position: ids
    /// are keyed by it, so that "é" precomposed and e + U+0301 are one id (as Swift, the
    /// session readers' `NameTable` and every screen see them).
    private var normalized: [Int: [UInt8]] = [:]

    var count: Int { ends.count }

    /// Appends an id given as UTF-8 bytes.
    mutating func append(_ id: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
    }

    /// Appends every id of `other`, in order.
    mutating func append(contentsOf other: TaskIdTable) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.lazy.map { $0 + base })
    }

    private func range(_ k: Int) -> Range<Int> {
        (k == 0 ? 0 : ends[k - 1])..<ends[k]
    }

    /// Id `k` as a String.
    func id(at k: Int) -> String {
        String(decoding: bytes[range(k)], as: UTF8.self)
    }

    func withId<R>(_ k: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let r = range(k)
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[r])) }
    }

    /// The key of id `k`: its bytes, or their NFC form (see `normalized`).
    private func withKey<R>(_ k: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if !normalized.isEmpty, let key = normalized[k] { return key.withUnsafeBytes(body) }
        return withId(k, body)
    }

    /// The NFC bytes of `id` when it is not ASCII and they differ, else nil.
    private static func nfc(_ id: UnsafeRawBufferPointer) -> [UInt8]? {
        guard !NameTable.isASCII(id) else { return nil }
        let form = Array(String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        return form.elementsEqual(id) ? nil : form
    }

    private static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// `NameTable`'s fast mix rather than SipHash: the ids are the lead's own task file, and
    /// checking a million of them for duplicates is on the way to every export.
    private static func hash(_ id: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: NameTable.hash(id))
    }

    /// Builds the lookup index (of first occurrences) and returns how many ids repeat an
    /// earlier one, with the first `limit` of them as (position, position of the first).
    mutating func index(keepingDuplicates limit: Int) -> (kept: [(Int, Int)], total: Int) {
        var kept: [(Int, Int)] = []
        var total = 0
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        var table = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        normalized = [:]
        for k in 0..<count {
            if let form = withId(k, TaskIdTable.nfc) { normalized[k] = form }
        }
        for k in 0..<count {
            withKey(k) { id in
                var slot = TaskIdTable.hash(id) & mask
                while table[slot] >= 0 {
                    let other = Int(table[slot])
                    if withKey(other, { TaskIdTable.same($0, id) }) {
                        total += 1
                        if kept.count < limit { kept.append((k, other)) }
                        return
                    }
                    slot = (slot + 1) & mask
                }
                table[slot] = Int32(k)
            }
        }
        slots = table
        return (kept, total)
    }

    /// The position of `id`, once `index` has been built.
    func position(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        var id = id
        if !id.utf8.allSatisfy({ $0 < 0x80 }) { id = id.precomposedStringWithCanonicalMapping }
        return id.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            let mask = slots.count - 1
            var slot = TaskIdTable.hash(raw) & mask
            while slots[slot] >= 0 {
                let k = Int(slots[slot])
                if withKey(k, { TaskIdTable.same($0, raw) }) { return k }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
