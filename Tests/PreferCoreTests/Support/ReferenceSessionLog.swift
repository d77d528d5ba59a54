import Foundation
@testable import PreferCore

/// Session files read the plain way, as SPEC §4 reads, with Foundation's `JSONSerialization`
/// as the parser (test oracle): a bug in prefer's JSON scanner or in `SessionLine` cannot hide
/// in a differential test that shares it. Files are found by `SessionFiles.find` (the walk is
/// not what is checked here); lines are split here, by hand. Errors name the right FILE:LINE;
/// their reasons are only those of field checks (a syntax error is "not valid JSON"), so
/// differential tests compare the places of errors and the exact warnings.
enum ReferenceSessionLog {
    static func read(paths: [String]) -> (log: SessionLog, errors: [InputError]) {
        var errors: [InputError] = []
        var found = SessionFiles.find(paths, errors: &errors)
        var log = SessionLog(warnings: found.warnings, files: found.paths)
        for entry in found.entries {
            guard let data = FileManager.default.contents(atPath: entry.path) else {
                errors.append(InputError(file: entry.path, line: nil, reason: "unreadable"))
                continue
            }
            let (records, warnings, bad) = parse(Array(data), file: entry.path, raterFolder: entry.raterFolder)
            log.records += records
            log.warnings += warnings
            errors += bad
            if entry.raterFolder == nil {
                var seen = Set<String>()
                let first = records.compactMap { seen.insert($0.rater).inserted ? ($0.rater, $0.line) : nil }
                errors += RaterFolderRule.outsideErrors(entry, firstLines: first, folders: found.raterFolders)
            }
        }
        _ = found.skipped
        return (log, errors)
    }

    /// The log of `paths`, or its errors (all of them) as a failure.
    static func log(paths: [String]) throws(ValidationFailure) -> SessionLog {
        let (log, errors) = read(paths: paths)
        if !errors.isEmpty { throw ValidationFailure(errors: errors) }
        return log
    }

    static func parse(_ bytes: [UInt8], file: String, raterFolder: String?)
        -> (records: [SessionRecord], warnings: [InputError], errors: [InputError]) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let endsWithNewline = lines.last?.isEmpty ?? true
        if endsWithNewline { lines.removeLast() }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        let lastContent = lines.lastIndex { !$0.allSatisfy(blank) }
        var records: [SessionRecord] = [], warnings: [InputError] = [], errors: [InputError] = []
        var sawStart = false
        for (k, line) in lines.enumerated() where !line.allSatisfy(blank) {
            let number = k + 1
            let isLast = k == lastContent
            let unterminated = isLast && k == lines.count - 1 && !endsWithNewline
            if unterminated && sawStart {
                warnings.append(InputError(file: file, line: number, reason: "ignored a torn last line"))
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]),
                  !repeatsAKey(line) else {
                if isLast {
                    warnings.append(InputError(file: file, line: number, reason: "ignored a torn last line"))
                } else {
                    errors.append(InputError(file: file, line: number, reason: "not valid JSON"))
                }
                continue
            }
            do throws(InputError) {
                let record = try Self.record(object, file: file, line: number)
                if record.type == "session_start" { sawStart = true }
                if let raterFolder, record.rater != raterFolder {
                    throw RaterFolderRule.mismatch(file: file, line: number, rater: record.rater, folder: raterFolder)
                }
                records.append(record)
                if unterminated {
                    warnings.append(InputError(file: file, line: number, reason: "read a last line without its final newline (no session_start in the file: taken as lines from another tool)"))
                }
            } catch {
                errors.append(error)
            }
        }
        return (records, warnings, errors)
    }

    /// Whether a top-level key of the object on `line` appears twice: JSON that SPEC §4 refuses
    /// but `JSONSerialization` takes (the last one wins). Keys are compared as written; the
    /// tests write no escaped duplicates.
    static func repeatsAKey(_ line: [UInt8]) -> Bool {
        var keys = Set<[UInt8]>(), depth = 0, k = 0
        while k < line.count {
            let b = line[k]
            if b == UInt8(ascii: "\"") {
                var end = k + 1
                while end < line.count && line[end] != UInt8(ascii: "\"") { end += line[end] == UInt8(ascii: "\\") ? 2 : 1 }
                var after = end + 1
                while after < line.count && (line[after] == 0x20 || line[after] == 0x09) { after += 1 }
                if depth == 1 && after < line.count && line[after] == UInt8(ascii: ":")
                    && !keys.insert(Array(line[(k + 1)..<min(end, line.count)])).inserted { return true }
                k = end + 1
                continue
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
            if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { depth -= 1 }
            k += 1
        }
        return false
    }

    /// SPEC §4's fields of one parsed line.
    static func record(_ object: Any, file: String, line: Int) throws(InputError) -> SessionRecord {
        func failure(_ reason: String) -> InputError { InputError(file: file, line: line, reason: reason) }
        guard let o = object as? [String: Any] else { throw failure("expected a JSON object") }
        func present(_ key: String) -> Any? { o[key].flatMap { $0 is NSNull ? nil : $0 } }
        func optional(_ key: String) throws(InputError) -> String? {
            guard let value = present(key) else { return nil }
            guard let text = value as? String else { throw failure("\"\(key)\" must be a string") }
            return text
        }
        func required(_ key: String) throws(InputError) -> String {
            guard let text = try optional(key) else { throw failure("missing \"\(key)\"") }
            guard !text.isEmpty else { throw failure("\"\(key)\" is empty") }
            return text
        }
        if let v = present("v"), !(v is String), "\(v)" != "1" { throw failure("session format version") }
        if let v = present("v"), v is String { throw failure("session format version") }
        let type = try required("type")
        var record = SessionRecord(file: file, line: line, type: type, rater: try required("rater"))
        record.session = try optional("session")
        if let at = try optional("at") {
            guard let time = Timestamp.parse(at) else { throw failure("\"at\" is not an RFC 3339 time") }
            record.at = time
            record.atText = at
        }
        switch type {
        case "label", "adjudication":
            record.task = try required("task")
            record.choice = try required("choice")
            record.taskSHA256 = try optional("task_sha256")
            record.note = try optional("note")
            guard type == "label" else { break }
            if let left = try optional("left") {
                guard let side = ResponseSide(rawValue: left) else { throw failure("\"left\" must be \"A\" or \"B\"") }
                record.left = side
            }
            if let ms = present("ms") {
                guard !(ms is String), let number = ms as? Double, number >= 0, number.rounded() == number, number < 9e15
                else { throw failure("\"ms\" must be a whole number of milliseconds") }
                record.ms = Int(number)
            }
        case "undo", "skip":
            record.task = try required("task")
        default:
            record.task = try optional("task")
        }
        if let flag = o["repeat"] as? NSNumber, String(cString: flag.objCType) == "c" { record.isRepeat = flag.boolValue }
        if let scale = o["scale"] as? [Any] {
            record.json = .object([JSONMember("scale", .array(scale.map { ($0 as? String).map(JSONValue.string) ?? .null }))])
        }
        return record
    }
}
