import Foundation

/// A lead's hidden answers (SPEC §3): `{"task":"<id>","choice":"A"}` per line. Only reports
/// read it; the labeling screen never does, so raters cannot tell gold items apart.
public struct GoldFile: Sendable, Equatable {
    public var path: String
    /// Task id → the expected choice.
    public var answers: [String: String]
    /// Task id → the 1-based line of its answer, for messages.
    public var lines: [String: Int] = [:]

    /// Reads and validates a gold file, reporting every bad line as `FILE:LINE: reason`.
    public static func load(path: String) throws -> GoldFile {
        // The one opener of line files: regular files only (a FIFO would hang, a device
        // could be read forever), lines at most `InputLimits.lineBytes`.
        let data: [UInt8]
        if let kind = FileKind.of(path), kind != S_IFREG {
            throw InputError(file: path, reason: "is \(FileKind.name(kind)), not a regular file")
        }
        do {
            data = try SessionFiles.contents(of: path)
        } catch {
            throw error
        }
        var answers: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        var errors: [InputError] = []
        data.withUnsafeBytes { raw in
            let lines = JSONLines(raw)
            for line in lines where !line.isBlank {
                func fail(_ reason: String) { errors.append(InputError(file: path, line: line.number, reason: reason)) }
                let value: JSONValue
                do throws(JSONSyntaxError) {
                    value = try JSONParser.parse(lines[line])
                } catch {
                    fail("invalid JSON: \(error.message)")
                    continue
                }
                guard case .object = value else { fail("a gold line must be a JSON object"); continue }
                guard let task = value["task"]?.stringValue, !task.isEmpty else {
                    fail("missing field \"task\" (a non-empty string)")
                    continue
                }
                guard let choice = value["choice"]?.stringValue, !choice.isEmpty else {
                    fail("missing field \"choice\" (a non-empty string)")
                    continue
                }
                if let first = firstLine[task] {
                    fail("duplicate gold answer for task \(JSONWriter.quoted(task)) (first on line \(first))")
                    continue
                }
                firstLine[task] = line.number
                answers[task] = choice
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors: Array(errors.prefix(20)), omitted: max(0, errors.count - 20)) }
        guard !answers.isEmpty else { throw InputError(file: path, reason: "holds no gold answers") }
        return GoldFile(path: path, answers: answers, lines: firstLine)
    }

    /// The gold answers in file order.
    public var taskIDsInFileOrder: [String] {
        answers.keys.sorted { (lines[$0] ?? 0, $0) < (lines[$1] ?? 0, $1) }
    }

    /// Problems that only show against the task file: a gold answer for a task id the task
    /// file does not hold can never be scored (`FILE:LINE: reason`, in file order).
    public func errors(against tasks: TaskFile) -> [InputError] {
        taskIDsInFileOrder.filter { tasks.index(of: $0) == nil }.map { task in
            InputError(file: path, line: lines[task], reason: "gold answer for task \(JSONWriter.quoted(task)), which is not in \(displayedPath(tasks.path))")
        }
    }

    /// Answers that are legal but probably a mistake: a choice that is on no known scale only
    /// ever matches labels with exactly that choice.
    public var warnings: [InputError] {
        let known = Set(Scale.allCases.flatMap(\.values))
        return taskIDsInFileOrder.compactMap { task in
            guard let choice = answers[task], !known.contains(choice) else { return nil }
            return InputError(file: path, line: lines[task],
                              reason: "choice \(JSONWriter.quoted(choice)) is on neither the pairwise nor the likert5 scale; it only matches labels with exactly this choice")
        }
    }
}
