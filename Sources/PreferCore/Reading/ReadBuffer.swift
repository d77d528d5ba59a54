/// Memory that a worker reads task lines into, kept from one batch to the next and never
/// zeroed first (pread fills it), unlike an array.
final class ReadBuffer: @unchecked Sendable {
    private var start: UnsafeMutableRawPointer?
    private var capacity = 0

    /// At least `count` bytes, their contents undefined.
    func reserve(_ count: Int) -> UnsafeMutableRawPointer {
        if count > capacity || start == nil {
            start?.deallocate()
            capacity = max(count, 1)
            start = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        return start!
    }

    deinit { start?.deallocate() }
}
