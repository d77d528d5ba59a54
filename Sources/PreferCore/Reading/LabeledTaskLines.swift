import Dispatch
import Foundation

/// What a report with `--tasks` reads back from each labeled task's line, once, on every core:
/// the line's SHA-256 (for the task-file rule, only where a label names a `task_sha256`) and the
/// length of the judged text of each response (for length bias).
struct LabeledTaskLines {
    /// Per item: the hash of its task line, when asked for.
    var sha256: [String?]
    /// Per item: the judged texts' lengths (nil for items the file does not hold).
    var lengths: ResponseLengths
    /// Per item, with a group key (`--by`): the task's value of that key as text (a string
    /// decoded, any other value as written), nil when the task lacks it or it is null.
    var groups: [String?]

    /// Reads the lines of the labeled items that `tasks` holds; `hash[i]` says whether item i's
    /// line is hashed.
    static func read(_ tasks: LabeledTaskFile, hash: [Bool], groupKey: String?,
                     workers: Int) throws(InputError) -> LabeledTaskLines {
        let itemCount = tasks.position.count
        let items = (0..<itemCount).filter { tasks.holds($0) }
        let file = tasks.file
        let shares = max(1, min(workers, items.count / 256 + 1))
        typealias Part = (sha: [String?], a: [Int32], b: [Int32], group: [String?])
        let parts = JobResults<Result<Part, InputError>>(count: shares)
        DispatchQueue.concurrentPerform(iterations: shares) { k in
            let share = items[(items.count * k / shares)..<(items.count * (k + 1) / shares)]
            parts[k] = Result { () throws(InputError) -> Part in
                var buffer: [UInt8] = []
                var part: Part = ([], [], [], [])
                part.sha.reserveCapacity(share.count)
                for item in share {
                    let length = tasks.length[item]
                    if buffer.count < length { buffer = [UInt8](repeating: 0, count: max(length, 2 * buffer.count)) }
                    let read = buffer.withUnsafeMutableBytes { raw in
                        Result { () throws(InputError) in try file.read(into: raw.baseAddress!, count: length, at: tasks.offset[item]) }
                    }
                    try read.get()
                    buffer.withUnsafeBytes { raw in
                        let line = UnsafeRawBufferPointer(rebasing: raw[0..<length])
                        part.sha.append(hash[item] ? SHA256Hex.of(line) : nil)
                        let (a, b) = ResponseLengths.judged(line)
                        part.a.append(a)
                        part.b.append(b)
                        if let groupKey { part.group.append(Self.value(of: groupKey, in: line)) }
                    }
                }
                return part
            }
        }
        var sha = [String?](repeating: nil, count: itemCount)
        var a = [Int32](repeating: -1, count: itemCount), b = a
        var groups = [String?](repeating: nil, count: groupKey == nil ? 0 : itemCount)
        var position = 0
        for k in 0..<shares {
            let part = try parts[k]!.get()
            for j in part.sha.indices {
                let item = items[position]
                sha[item] = part.sha[j]
                a[item] = part.a[j]
                b[item] = part.b[j]
                if groupKey != nil { groups[item] = part.group[j] }
                position += 1
            }
        }
        return LabeledTaskLines(sha256: sha, lengths: ResponseLengths(a: a, b: b), groups: groups)
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
