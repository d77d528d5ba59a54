/// What a report with `--tasks` takes from each labeled task's line: the line's SHA-256 (for
/// the task-file rule, only where a label names a `task_sha256`), the length of the judged text
/// of each response (for length bias) and the `--by` key's value. The scan's slice workers
/// take it from the line's bytes while they validate it (`TaskFileScan.readLabeledLines`), so
/// the lines are read once and hashed on every core.
struct LabeledTaskLines: Sendable {
    /// Per item: the hash of its task line, when asked for (its 32 bytes: a hex string an item
    /// took ~130 bytes, 130 MB at a million tasks).
    var sha256: [SHA256Bytes?]
    /// Per item: the judged texts' lengths (-1 for items the file does not hold).
    var lengths: ResponseLengths
    /// Per item, with a group key (`--by`): the task's value of that key as text (a string
    /// decoded, any other value as written), nil when the task lacks it or it is null.
    var groups: [String?]

    /// What is taken from the labeled lines, known once the session files are read.
    struct Request: Sendable {
        /// Which task id is which item.
        var lookup: LabeledItemLookup
        /// Per item: whether its line is hashed (some label of it names a `task_sha256`).
        var hash: [Bool]
        /// The `--by` key, if any.
        var groupKey: String?
    }

    /// What one labeled line gives.
    struct Line: Sendable {
        var sha256: SHA256Bytes?
        var lengthA: Int32
        var lengthB: Int32
        var group: String?
    }

    /// One labeled line found by a slice worker: its task (index within the slice) and item.
    struct Found: Sendable {
        var task: Int32
        var item: Int32
        var line: Line
    }

    /// No item's line yet, for `itemCount` items.
    init(itemCount: Int, grouped: Bool) {
        sha256 = [SHA256Bytes?](repeating: nil, count: itemCount)
        lengths = ResponseLengths(a: [Int32](repeating: -1, count: itemCount), b: [Int32](repeating: -1, count: itemCount))
        groups = [String?](repeating: nil, count: grouped ? itemCount : 0)
    }

    /// Keeps item `item`'s line.
    mutating func set(_ item: Int, _ line: Line) {
        sha256[item] = line.sha256
        lengths.a[item] = line.lengthA
        lengths.b[item] = line.lengthB
        if !groups.isEmpty { groups[item] = line.group }
    }

    /// What item `item`'s validated task line `bytes`, whose judged lengths are `lengths`
    /// (`ResponseLengths.judged`), gives under `request`.
    static func line(_ bytes: UnsafeRawBufferPointer, item: Int, lengths: (Int32, Int32), _ request: Request) -> Line {
        Line(sha256: request.hash[item] ? SHA256Bytes(of: bytes) : nil, lengthA: lengths.0, lengthB: lengths.1,
             group: request.groupKey.flatMap { value(of: $0, in: bytes) })
    }

    /// What item `item`'s line gives under `request` from what a slice kept of it while reading
    /// ahead (`TaskFileSegment.readsAhead`): its judged lengths and its digest; nil when the
    /// line must be read (a `--by` value is not kept ahead).
    static func line(item: Int, lengths: (Int32, Int32), digest: SHA256Bytes, _ request: Request) -> Line? {
        guard request.groupKey == nil else { return nil }
        return Line(sha256: request.hash[item] ? digest : nil, lengthA: lengths.0, lengthB: lengths.1, group: nil)
    }

    /// The value of top-level key `key` in a validated task line, as `groups` keeps it.
    static func value(of key: String, in line: UnsafeRawBufferPointer) -> String? {
        let members = JSONSpans.members(line, ofObjectIn: 0..<line.count)
        guard let member = members.first(where: { $0.key(in: line) == key }) else { return nil }
        switch member.kind {
        case .null: return nil
        case .string: return JSONStringDecoder.decodeValue(line, member.valueRange)
        default: return String(decoding: UnsafeRawBufferPointer(rebasing: line[member.valueRange]), as: UTF8.self)
        }
    }
}
