import Foundation
@testable import PreferCore

/// A task file read the plain way, as SPEC §2 reads, with Foundation's `JSONSerialization` as
/// the parser, so that a bug in prefer's own parser or scan cannot hide in a differential test
/// that shares it. Only for files that `TaskFile.load` accepts: it checks nothing.
struct ReferenceTaskFile {
    /// One task: its fields as Foundation objects, the rest under `meta`.
    struct Task {
        var id: String
        var line: Int
        /// SHA-256 of the line's bytes, BOM (line 1) and surrounding whitespace removed.
        var sha256: String
        var modelA: Any
        var modelB: Any
        /// `prompt` (a string or messages) for single-turn tasks; nil for conversation form.
        var prompt: Any?
        var responseA: Any
        var responseB: Any
        /// Conversation form: each side's messages, as `{"role","content"}` dictionaries.
        var conversationA: [[String: Any]]?
        var conversationB: [[String: Any]]?
        var meta: [String: Any]
    }

    var tasks: [Task] = []

    init(path: String) throws {
        var data = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
        for (k, raw) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let trimmed = Array(raw.drop(while: whitespace.contains).reversed().drop(while: whitespace.contains).reversed())
            guard !trimmed.isEmpty else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(trimmed), options: [.fragmentsAllowed]) as! [String: Any]
            var meta = object
            for key in ["id", "prompt", "response_a", "response_b", "conversation_a", "conversation_b", "model_a", "model_b"] {
                meta[key] = nil
            }
            func messages(_ value: Any?) -> [[String: Any]]? {
                (value as? [[String: Any]])?.map { ["role": $0["role"]!, "content": $0["content"]!] }
            }
            let prompt: Any? = object["prompt"].map { messages($0) ?? $0 }
            tasks.append(Task(id: object["id"] as! String, line: k + 1, sha256: ReferenceSHA256.hex(trimmed),
                              modelA: object["model_a"] ?? NSNull(), modelB: object["model_b"] ?? NSNull(),
                              prompt: prompt, responseA: object["response_a"] ?? NSNull(),
                              responseB: object["response_b"] ?? NSNull(),
                              conversationA: messages(object["conversation_a"]),
                              conversationB: messages(object["conversation_b"]), meta: meta))
        }
    }

    /// The task with this id.
    func task(_ id: String) -> Task? { tasks.first { $0.id == id } }
}

extension ReferenceTaskFile.Task {
    /// Leading messages both conversations share, never a side's last one (EXPORT.md).
    var shared: Int {
        guard let a = conversationA, let b = conversationB else { return 0 }
        var count = 0
        while count < min(a.count, b.count) - 1 && NSDictionary(dictionary: a[count]).isEqual(to: b[count]) { count += 1 }
        return count
    }

    /// `prompt`, `response_a`, `response_b` as the `labels` and `aggregate` exports hold them.
    var texts: (prompt: Any, a: Any, b: Any) {
        guard let a = conversationA, let b = conversationB else { return (prompt!, responseA, responseB) }
        return (Array(a[..<shared]), Array(a[shared...]), Array(b[shared...]))
    }
}
