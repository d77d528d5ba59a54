import Foundation
import PreferCore

/// Decides what kind of input a file is and validates it.
enum InputFileCheck {
    enum Kind { case tasks, guideline, sessions, gold, batch }

    static func check(_ path: String, tasks: TaskFile? = nil, skipUnreadable: Bool = false) throws -> String {
        switch try kind(of: path) {
        case .guideline:
            let guideline = try Guideline.load(path: path)
            return "guideline, " + Counted.noun(guideline.text.split(separator: "\n", omittingEmptySubsequences: false).count, "line")
        case .tasks:
            let tasks = try TaskFile.load(path: path)
            return Counted.noun(tasks.count, "task")
        case .sessions:
            let result = SessionFileCheck.check(paths: [path], tasks: tasks, skipUnreadable: skipUnreadable)
            return try outcome(result)
        case .batch:
            let inputs = try BatchInputs.open(BatchFile.load(path: path))
            let batch = inputs.batch
            var parts = ["batch \(JSONWriter.quoted(batch.name))", Counted.noun(inputs.tasks.count, "task"),
                         "overlap \(batch.overlap)" + (batch.maxOverlap > batch.overlap ? "–\(batch.maxOverlap)" : "")]
            if !inputs.goldIndices.isEmpty { parts.append(Counted.noun(inputs.goldIndices.count, "gold task")) }
            if let raters = batch.raters { parts.append(Counted.noun(raters.count, "rater")) }
            return parts.joined(separator: ", ")
        case .gold:
            let gold = try GoldFile.load(path: path)
            let errors = tasks.map(gold.errors(against:)) ?? []
            return try outcome(FileCheckResult(errors: errors, warnings: gold.warnings,
                                               summary: Counted.noun(gold.answers.count, "gold answer")))
        }
    }

    /// Prints the warnings; throws the errors (at most `SessionReader.errorLimit` of them).
    private static func outcome(_ result: FileCheckResult) throws -> String {
        for warning in result.warnings { Diagnostics.warning(warning.description) }
        guard result.errors.isEmpty else {
            let limit = SessionReader.errorLimit
            throw ValidationFailure(errors: Array(result.errors.prefix(limit)), omitted: max(0, result.errors.count - limit))
        }
        return result.summary
    }

    static func kind(of path: String) throws -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { return .sessions }
        // Opening a FIFO to look at it would wait for a writer; a device could be read forever.
        if let kind = FileKind.of(path), kind != S_IFREG {
            throw InputError(file: path, reason: "is \(FileKind.name(kind)), not a regular file")
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".txt") { return .guideline }
        if lower.hasSuffix(".toml") { return .batch }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let firstLine = head.split(separator: 0x0A).first { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        guard let line = firstLine, let value = try? JSONParser.parse(String(decoding: line, as: UTF8.self)) else {
            return .tasks
        }
        if value["type"] != nil { return .sessions }
        if value["id"] == nil, value["task"] != nil, value["choice"] != nil { return .gold }
        return .tasks
    }
}
