import Foundation

/// Questions and model answers read from benchmark files, joined and checked.
public struct BenchmarkInputs: Sendable, Equatable {
    public var layout: BenchmarkLayout
    /// In the order of the questions file (or of first appearance in the answers).
    public var questions: [BenchmarkQuestion]
    /// Answers by question key, then model.
    public var answers: [String: [String: ModelAnswer]]
    /// Every model with at least one answer, sorted by name.
    public var models: [String]
    /// Things the lead should know that do not stop the run (answers to unknown questions).
    public var warnings: [String]

    /// Reads `questionsPath` (needed for MT-Bench; optional for AlpacaEval, whose answers
    /// carry their instructions) and the answer files and folders in `answerPaths`.
    public static func load(questionsPath: String?, answerPaths: [String]) throws(MakeTasksError) -> BenchmarkInputs {
        let files = try answerFiles(answerPaths)
        var records: [JSONRecord] = []
        var errors: [InputError] = []
        for file in files {
            do {
                records.append(contentsOf: try JSONRecords.read(path: file))
            } catch {
                errors.append(contentsOf: error.errors)
            }
        }
        if !errors.isEmpty { throw .invalidInput(ValidationFailure(errors: errors)) }
        guard let first = records.first else { throw .usage("the answer files hold no answers") }
        guard let layout = BenchmarkRecordReader.layout(ofAnswer: first.value) else {
            throw .invalidInput(ValidationFailure(errors: [BenchmarkRecordReader.problem(first,
                "not an answer in the MT-Bench layout (question_id, model_id, choices) or the AlpacaEval layout (instruction, output, generator)")]))
        }
        let answerList = try answers(records, layout: layout)
        let questions: [BenchmarkQuestion]
        if let questionsPath {
            questions = try Self.questions(questionsPath, layout: layout)
        } else if layout == .alpacaEval {
            questions = instructions(of: answerList)
        } else {
            throw .usage("MT-Bench answers need --questions (the question.jsonl the answers belong to)")
        }
        return try join(layout: layout, questions: questions, answers: answerList,
                        questionsName: questionsPath ?? "the answers")
    }

    /// Files named in `paths`; a folder gives its `*.json` and `*.jsonl` files (not recursively), sorted.
    static func answerFiles(_ paths: [String]) throws(MakeTasksError) -> [String] {
        guard !paths.isEmpty else { throw .usage("name at least one answer file or folder with --answers") }
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .invalidInput(ValidationFailure(errors: [InputError(file: path, reason: "cannot be read: no such file or folder")]))
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".jsonl") || $0.hasSuffix(".json")) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard !names.isEmpty else {
                throw .invalidInput(ValidationFailure(errors: [InputError(file: path, reason: "holds no .json or .jsonl files")]))
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            files.append(contentsOf: names.map { prefix + $0 })
        }
        return files
    }

    private static func answers(_ records: [JSONRecord], layout: BenchmarkLayout) throws(MakeTasksError) -> [ModelAnswer] {
        var out: [ModelAnswer] = []
        var errors: [InputError] = []
        for record in records {
            do throws(InputError) {
                guard BenchmarkRecordReader.layout(ofAnswer: record.value) == layout else {
                    throw BenchmarkRecordReader.problem(record, "not an answer in the \(layout.rawValue) layout of the other answers")
                }
                out.append(layout == .mtBench ? try BenchmarkRecordReader.mtBenchAnswer(record)
                                              : try BenchmarkRecordReader.alpacaEvalAnswer(record))
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw .invalidInput(ValidationFailure(errors: Array(errors.prefix(20)), omitted: max(0, errors.count - 20))) }
        return out
    }

    private static func questions(_ path: String, layout: BenchmarkLayout) throws(MakeTasksError) -> [BenchmarkQuestion] {
        let records: [JSONRecord]
        do {
            records = try JSONRecords.read(path: path)
        } catch {
            throw .invalidInput(error)
        }
        var out: [BenchmarkQuestion] = []
        var seen: [String: String] = [:]
        var errors: [InputError] = []
        for record in records {
            do throws(InputError) {
                guard BenchmarkRecordReader.layout(ofQuestion: record.value) == layout else {
                    throw BenchmarkRecordReader.problem(record, "not a question in the \(layout.rawValue) layout of the answers")
                }
                let question = layout == .mtBench ? try BenchmarkRecordReader.mtBenchQuestion(record)
                    : try BenchmarkRecordReader.alpacaEvalQuestion(record, position: out.count + 1)
                if let first = seen[question.key] {
                    // AlpacaEval repeats no instruction; if a file does, the first one stands for both.
                    if layout == .alpacaEval { continue }
                    throw BenchmarkRecordReader.problem(record, "question_id \(question.key) again (first at \(first))")
                }
                seen[question.key] = record.location
                out.append(question)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw .invalidInput(ValidationFailure(errors: Array(errors.prefix(20)), omitted: max(0, errors.count - 20))) }
        guard !out.isEmpty else { throw .usage("\(displayedPath(path)) holds no questions") }
        return out
    }

    /// AlpacaEval without a questions file: each distinct instruction, in order of first appearance.
    private static func instructions(of answers: [ModelAnswer]) -> [BenchmarkQuestion] {
        var out: [BenchmarkQuestion] = []
        var seen = Set<String>()
        for answer in answers where seen.insert(answer.questionKey).inserted {
            let position = out.count + 1
            out.append(BenchmarkQuestion(key: answer.questionKey, idText: String(position), questionID: .integer(position),
                                         category: nil, turns: [answer.questionKey], location: answer.location))
        }
        return out
    }

    private static func join(layout: BenchmarkLayout, questions: [BenchmarkQuestion], answers: [ModelAnswer],
                             questionsName: String) throws(MakeTasksError) -> BenchmarkInputs {
        let known = Set(questions.map(\.key))
        var byQuestion: [String: [String: ModelAnswer]] = [:]
        var errors: [InputError] = []
        var unknown: [ModelAnswer] = []
        for answer in answers {
            guard known.contains(answer.questionKey) else {
                unknown.append(answer)
                continue
            }
            if let first = byQuestion[answer.questionKey]?[answer.model] {
                errors.append(InputError(file: answer.file, line: answer.line, reason:
                    "a second answer of \(JSONWriter.quoted(answer.model)) to the same question (first at \(first.location))"))
                continue
            }
            byQuestion[answer.questionKey, default: [:]][answer.model] = answer
        }
        if !errors.isEmpty { throw .invalidInput(ValidationFailure(errors: Array(errors.prefix(20)), omitted: max(0, errors.count - 20))) }
        var warnings: [String] = []
        for answer in unknown.prefix(10) {
            let what = layout == .mtBench ? "question_id \(answer.questionKey)" : "an instruction"
            warnings.append("\(answer.location): answer of \(JSONWriter.quoted(answer.model)) to \(what) that is not in \(displayedPath(questionsName)); ignored")
        }
        if unknown.count > 10 { warnings.append("… and \(unknown.count - 10) more answers to unknown questions, ignored") }
        let models = Set(answers.map(\.model)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return BenchmarkInputs(layout: layout, questions: questions, answers: byQuestion, models: models, warnings: warnings)
    }
}
