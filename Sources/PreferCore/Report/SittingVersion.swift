/// What a `session_start` line says the sitting was made on: the guideline and task file, by
/// path and SHA-256. A report pools sittings made on different versions only with a warning
/// that names each version and its raters (SPEC §4, "one rule for every command").
public struct SittingVersion: Sendable, Equatable, Hashable {
    public var rater: String
    public var guideline: String?
    public var guidelineSHA256: String?
    public var tasks: String?
    public var tasksSHA256: String?

    public init(rater: String, guideline: String? = nil, guidelineSHA256: String? = nil, tasks: String? = nil,
                tasksSHA256: String? = nil) {
        self.rater = rater
        self.guideline = guideline
        self.guidelineSHA256 = guidelineSHA256
        self.tasks = tasks
        self.tasksSHA256 = tasksSHA256
    }

    /// Reads the fields of a `session_start` object (missing or non-string fields are nil).
    init(rater: String, line json: JSONValue) {
        self.init(rater: rater, guideline: json["guideline"]?.stringValue, guidelineSHA256: json["guideline_sha256"]?.stringValue,
                  tasks: json["tasks"]?.stringValue, tasksSHA256: json["tasks_sha256"]?.stringValue)
    }

    /// The warnings for `versions`: one per file kind (guideline, task file) whose sittings
    /// recorded more than one hash, each version with its short hash, its paths and its
    /// raters, most raters first.
    public static func poolingWarnings(_ versions: [SittingVersion]) -> [String] {
        var out: [String] = []
        for (what, hash, path) in [("guideline", \SittingVersion.guidelineSHA256, \SittingVersion.guideline),
                                   ("task file", \SittingVersion.tasksSHA256, \SittingVersion.tasks)] {
            var raters: [String: Set<String>] = [:]
            var paths: [String: Set<String>] = [:]
            for v in versions {
                guard let h = v[keyPath: hash] else { continue }
                raters[h, default: []].insert(v.rater)
                if let p = v[keyPath: path] { paths[h, default: []].insert(p) }
            }
            guard raters.count > 1 else { continue }
            let ordered = raters.keys.sorted { (raters[$0]!.count, $1) > (raters[$1]!.count, $0) }
            let parts = ordered.map { h -> String in
                let names = raters[h]!.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                let where_ = (paths[h] ?? []).sorted().map { JSONWriter.quoted($0) }.joined(separator: ", ")
                return "\(h.prefix(12))" + (where_.isEmpty ? "" : " (\(where_))") + " by "
                    + names.map { JSONWriter.quoted($0) }.joined(separator: ", ")
            }
            out.append("sittings were made on \(raters.count) versions of the \(what), pooled here: "
                       + parts.joined(separator: "; "))
        }
        return out
    }
}
