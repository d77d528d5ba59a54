#if canImport(Glibc)
import Glibc
#endif

/// Export lines as pieces of two buffers, written in order with `writev`: `own` holds what
/// each line has of its own, `shared` the texts that several lines repeat (a task's prompt
/// and responses, in every one of its `labels` rows), stored once and pointed at once per
/// line. A `labels` export of a gigabyte is then not copied into a gigabyte of buffers first.
public struct ExportChunk: Sendable {
    var own: [UInt8] = []
    var shared: [UInt8] = []
    /// The pieces in order; consecutive bytes of `own` form one piece.
    private(set) var pieces: [Piece] = []
    /// Where the `own` bytes not yet in a piece start.
    private var ownMark = 0

    struct Piece: Sendable, Equatable {
        var inShared: Bool
        var start: Int
        var count: Int
    }

    var isEmpty: Bool { own.isEmpty && pieces.isEmpty }

    /// Stores `text` once in `shared` and returns where it is.
    mutating func share(_ write: (inout [UInt8]) -> Void) -> Range<Int> {
        let start = shared.count
        write(&shared)
        return start..<shared.count
    }

    /// Appends a piece pointing at `range` of `shared`.
    mutating func reference(_ range: Range<Int>) {
        closeOwn()
        if !range.isEmpty { pieces.append(Piece(inShared: true, start: range.lowerBound, count: range.count)) }
    }

    /// Ends the chunk: the last `own` bytes become a piece.
    mutating func finish() {
        closeOwn()
    }

    private mutating func closeOwn() {
        if own.count > ownMark { pieces.append(Piece(inShared: false, start: ownMark, count: own.count - ownMark)) }
        ownMark = own.count
    }

    /// Empties the chunk, keeping the capacity of its buffers.
    mutating func removeAll() {
        own.removeAll(keepingCapacity: true)
        shared.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
        ownMark = 0
    }

    /// The bytes in order, in one array (for sinks without `writev`, and tests).
    func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces {
            out.append(contentsOf: (piece.inShared ? shared : own)[piece.start..<(piece.start + piece.count)])
        }
        return out
    }

    /// Number of bytes.
    var count: Int { pieces.reduce(0) { $0 + $1.count } }
}

/// Writes every piece of a finished `chunk` to `fd` with `writev` (at most `IOV_MAX` pieces a
/// call), going on after short writes and `EINTR`; a write that fails is an error naming `name`.
func writeAll(_ fd: Int32, _ chunk: ExportChunk, name: String) throws(ExportError) {
    var failure: Int32 = 0
    chunk.own.withUnsafeBytes { own in
        chunk.shared.withUnsafeBytes { shared in
            var vectors: [iovec] = []
            vectors.reserveCapacity(min(chunk.pieces.count, 1024))
            var next = 0
            while next < chunk.pieces.count && failure == 0 {
                vectors.removeAll(keepingCapacity: true)
                let end = min(next + 1024, chunk.pieces.count)
                for piece in chunk.pieces[next..<end] {
                    let base = (piece.inShared ? shared : own).baseAddress! + piece.start
                    vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: piece.count))
                }
                next = end
                failure = vectors.withUnsafeMutableBufferPointer { writeVectors(fd, $0) }
            }
        }
    }
    if failure != 0 { throw .output(path: name, operation: "write to", code: failure) }
}

/// Writes every byte `vectors` point at to `fd` with `writev`, going on from where a short
/// write (a pipe, a signal) stopped and after `EINTR`; returns 0, or the `errno` of the write
/// that failed (`EIO` for one that wrote nothing). The one way exports write.
func writeVectors(_ fd: Int32, _ v: UnsafeMutableBufferPointer<iovec>) -> Int32 {
    var first = 0
    while first < v.count {
        let written = writev(fd, v.baseAddress! + first, Int32(v.count - first))
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        var left = written
        while first < v.count && left >= v[first].iov_len {
            left -= v[first].iov_len
            first += 1
        }
        if left > 0 {
            v[first].iov_base = v[first].iov_base! + left
            v[first].iov_len -= left
        }
    }
    return 0
}
