#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The most bytes one task line may hold, shared by every reader of task files (`validate`,
/// `label`, `report --tasks`, `export`) because they all read it through `TaskFileScan`.
///
/// 16 MB is far beyond any real response (about four million tokens) and small enough that
/// the labeling screen's copies of one task stay well inside a laptop's memory; without a
/// limit a 200 MB line passed `validate` and then grew `label` until the kernel killed it.
/// A longer line is never held in memory: it is measured while it is skipped, and the
/// message names its largest field.
public enum TaskLineLimit {
    public static let bytes = 16_000_000

    /// `response_a is 200 MB; the limit is 16 MB per task line`, naming the largest
    /// top-level field of the line at `offset` (or the line itself when it has none).
    static func reason(file: PositionalFile, offset: Int, length: Int) -> String {
        let largest = try? largestMember(file: file, offset: offset, length: length)
        let what = largest.map { "\($0.key) is \(megabytes($0.size))" } ?? "the line is \(megabytes(length))"
        return what + "; the limit is \(megabytes(bytes)) per task line"
    }

    /// `200 MB`, `16 MB`, `0.5 MB`.
    static func megabytes(_ count: Int) -> String {
        let tenths = (count + 50_000) / 100_000
        return tenths >= 1000 || tenths % 10 == 0 ? "\((count + 500_000) / 1_000_000) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// The top-level member of a JSON object line with the largest value, found by reading
    /// the line in chunks and following only strings and nesting (no values are kept).
    static func largestMember(file: PositionalFile, offset: Int, length: Int) throws(InputError) -> (key: String, size: Int)? {
        var scan = MemberSizeScan()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var position = 0
        while position < length {
            let count = min(chunk, length - position)
            let outcome: Result<Void, InputError> = buffer.withUnsafeMutableBytes { raw in
                Result { () throws(InputError) in try file.read(into: raw.baseAddress!, count: count, at: offset + position) }
            }
            try outcome.get()
            for index in 0..<count { scan.feed(buffer[index], at: position + index) }
            position += count
        }
        return scan.largest.map { (String(decoding: $0.key, as: UTF8.self), $0.size) }
    }
}
