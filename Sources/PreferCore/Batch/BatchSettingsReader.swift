import Foundation
import TOMLKit

/// Turns a parsed batch TOML table into `BatchFile` settings, collecting one
/// `FILE:LINE: reason` per bad key instead of stopping at the first.
struct BatchSettingsReader {
    let path: String
    let table: TOMLTable
    let lines: BatchKeyLines
    private(set) var errors: [InputError] = []

    init(path: String, table: TOMLTable, lines: BatchKeyLines) {
        self.path = path
        self.table = table
        self.lines = lines
    }

    mutating func read(sha256: String) -> BatchFile? {
        for key in table.keys where !BatchFile.knownKeys.contains(key) {
            fail(key, "unknown key \(JSONWriter.quoted(key)) (a batch file sets: \(BatchFile.knownKeys.joined(separator: ", ")))")
        }
        let name = string("name", required: true)
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.unicodeScalars.count > 200
            || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            fail("name", "\"name\" must be 1–200 characters without control characters")
        }
        let tasks = file("tasks", required: true)
        let guideline = file("guideline", required: false)
        let gold = file("gold", required: false)
        let scale: Scale = choice("scale", default: .pairwise)
        let order: BatchOrder = choice("order", default: .shuffled)
        let overlap = integer("overlap", required: true)
        if let overlap, overlap < 1 { fail("overlap", "\"overlap\" must be at least 1 (it is \(overlap))") }
        let maxOverlap = integer("max_overlap", required: false)
        if let maxOverlap, let overlap, overlap >= 1, maxOverlap < overlap {
            fail("max_overlap", "\"max_overlap\" (\(maxOverlap)) must be at least \"overlap\" (\(overlap))")
        }
        let repeatRate = number("repeat_rate") ?? 0
        if !(0...1).contains(repeatRate) {
            fail("repeat_rate", "\"repeat_rate\" must be between 0 and 1 (it is \(repeatRate))")
        }
        let claimMinutes = number("claim_minutes") ?? BatchFile.defaultClaimMinutes
        if !(claimMinutes > 0) || !claimMinutes.isFinite {
            fail("claim_minutes", "\"claim_minutes\" must be more than 0 (it is \(claimMinutes))")
        }
        let requireRead = boolean("require_read") ?? false
        let raters = raterList()
        guard errors.isEmpty, let name, let tasks, let overlap else { return nil }
        var keyLines: [String: Int] = [:]
        for key in BatchFile.knownKeys { keyLines[key] = lines.line(of: key) }
        return BatchFile(path: path, sha256: sha256, name: name, tasks: tasks, guideline: guideline,
                         scale: scale, overlap: overlap, maxOverlap: maxOverlap ?? overlap, order: order,
                         gold: gold, repeatRate: repeatRate, requireRead: requireRead, raters: raters,
                         claimMinutes: claimMinutes, keyLines: keyLines)
    }

    // MARK: - Values of one kind

    private mutating func fail(_ key: String, _ reason: String) {
        errors.append(InputError(file: path, line: lines.line(of: key), reason: reason))
    }

    private mutating func string(_ key: String, required: Bool) -> String? {
        guard let value = table[key] else {
            if required { fail(key, "missing key \(JSONWriter.quoted(key))") }
            return nil
        }
        guard let text = value.string else {
            fail(key, "\(JSONWriter.quoted(key)) must be a string (it is \(value.type))")
            return nil
        }
        return text
    }

    /// A path setting, resolved against the batch file's folder; the file must exist.
    private mutating func file(_ key: String, required: Bool) -> String? {
        guard let given = string(key, required: required) else { return nil }
        guard !given.isEmpty else {
            fail(key, "\(JSONWriter.quoted(key)) is empty")
            return nil
        }
        let resolved = BatchSettingsReader.resolve(given, against: path)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) {
            fail(key, "\(key) file \(JSONWriter.quoted(given)) not found (looked for \(resolved))")
            return nil
        }
        if isDirectory.boolValue {
            fail(key, "\(key) file \(JSONWriter.quoted(given)) is a folder")
            return nil
        }
        return resolved
    }

    private mutating func integer(_ key: String, required: Bool) -> Int? {
        guard let value = table[key] else {
            if required { fail(key, "missing key \(JSONWriter.quoted(key))") }
            return nil
        }
        guard let number = value.int else {
            fail(key, "\(JSONWriter.quoted(key)) must be a whole number (it is \(value.type))")
            return nil
        }
        return number
    }

    /// A number that may be written as an integer or a float.
    private mutating func number(_ key: String) -> Double? {
        guard let value = table[key] else { return nil }
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        fail(key, "\(JSONWriter.quoted(key)) must be a number (it is \(value.type))")
        return nil
    }

    private mutating func boolean(_ key: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else {
            fail(key, "\(JSONWriter.quoted(key)) must be true or false (it is \(value.type))")
            return nil
        }
        return flag
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) -> T
        where T.RawValue == String {
        guard let text = string(key, required: false) else { return fallback }
        guard let value = T(rawValue: text) else {
            fail(key, "\(JSONWriter.quoted(key)) must be one of \(T.allCases.map { JSONWriter.quoted($0.rawValue) }.joined(separator: ", ")) (it is \(JSONWriter.quoted(text)))")
            return fallback
        }
        return value
    }

    private mutating func raterList() -> [String]? {
        guard let value = table["raters"] else { return nil }
        guard let array = value.array else {
            fail("raters", "\"raters\" must be an array of rater names (it is \(value.type))")
            return nil
        }
        var names: [String] = []
        // Elements are looked for in order, so a name listed twice is found on its second line.
        var searchFrom = lines.line(of: "raters") ?? 1
        for element in array {
            guard let name = element.string else {
                fail("raters", "\"raters\" must hold only strings (one is \(element.type))")
                continue
            }
            let line = lines.line(of: JSONWriter.quoted(name), after: "raters", from: searchFrom)
            if let line { searchFrom = line + 1 }
            if !RaterName.isValid(name) {
                errors.append(InputError(file: path, line: line, reason: String(describing: RaterNameError(name: name))))
            } else if names.contains(name) {
                errors.append(InputError(file: path, line: line, reason: "rater \(JSONWriter.quoted(name)) is listed twice"))
            } else {
                names.append(name)
            }
        }
        if names.isEmpty, errors.isEmpty { fail("raters", "\"raters\" is empty: no one could label this batch") }
        return names
    }

    /// `given` as written in the batch file, relative to the batch file's folder unless absolute.
    static func resolve(_ given: String, against batchPath: String) -> String {
        if given.hasPrefix("/") { return given }
        let folder = (batchPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? given : folder + "/" + given
    }
}
