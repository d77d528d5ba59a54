/// Where one field's value is in a session line, in 8 bytes: `start` is `UInt32.max` when the
/// field is absent or null; the high bit of `packedCount` says the string holds an escape.
struct FieldSpan: Sendable {
    private var start = UInt32.max
    private var packedCount: UInt32 = 0

    init() {}

    init(_ members: [JSONMemberSpan], _ index: Int32) {
        guard index >= 0, members[Int(index)].kind != .null else { return }
        let member = members[Int(index)]
        start = UInt32(truncatingIfNeeded: member.valueRange.lowerBound)
        packedCount = UInt32(truncatingIfNeeded: member.valueRange.count) | (member.valueHasEscapes ? 1 << 31 : 0)
    }

    var isPresent: Bool { start != UInt32.max }

    /// The same value once its bytes are copied to `offset`.
    func moved(to offset: Int) -> FieldSpan {
        guard isPresent else { return self }
        var span = self
        span.start = UInt32(truncatingIfNeeded: offset)
        return span
    }
    var range: Range<Int> { Int(start)..<(Int(start) + Int(packedCount & ~(1 << 31))) }
    var escaped: Bool { packedCount & (1 << 31) != 0 }
}
