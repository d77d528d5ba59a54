/// Turns JSON records into questions and answers, checking each field and naming `FILE:LINE`.
enum BenchmarkRecordReader {
    /// The layout a record is written in, from its keys; nil when it is in neither.
    static func layout(ofQuestion value: JSONValue) -> BenchmarkLayout? {
        if value["question_id"] != nil { return .mtBench }
        if value["instruction"] != nil { return .alpacaEval }
        return nil
    }

    static func layout(ofAnswer value: JSONValue) -> BenchmarkLayout? {
        if value["question_id"] != nil || value["model_id"] != nil { return .mtBench }
        if value["instruction"] != nil || value["generator"] != nil { return .alpacaEval }
        return nil
    }

    /// An MT-Bench question.
    static func mtBenchQuestion(_ record: JSONRecord) throws(InputError) -> BenchmarkQuestion {
        let id = try questionID(record)
        let turns = try strings("turns", in: record)
        guard !turns.isEmpty else { throw problem(record, "\"turns\" is empty") }
        let category = try optionalString("category", in: record)
        return BenchmarkQuestion(key: id.text, idText: id.text, questionID: id.value, category: category,
                                 turns: turns, location: record.location)
    }

    /// An AlpacaEval instruction, the `position`-th (1-based) distinct one.
    static func alpacaEvalQuestion(_ record: JSONRecord, position: Int) throws(InputError) -> BenchmarkQuestion {
        let instruction = try string("instruction", in: record)
        return BenchmarkQuestion(key: instruction, idText: String(position), questionID: .integer(position),
                                 category: try optionalString("dataset", in: record), turns: [instruction],
                                 location: record.location)
    }

    /// An MT-Bench answer: the replies are `choices[0].turns`.
    static func mtBenchAnswer(_ record: JSONRecord) throws(InputError) -> ModelAnswer {
        let id = try questionID(record)
        let model = try string("model_id", in: record)
        guard let choices = record.value["choices"]?.arrayValue, let first = choices.first else {
            throw problem(record, "\"choices\" must be a non-empty array")
        }
        guard case .object = first, let turns = first["turns"]?.arrayValue else {
            throw problem(record, "\"choices[0].turns\" must be an array of strings")
        }
        var replies: [String] = []
        for turn in turns {
            guard let text = turn.stringValue else {
                throw problem(record, "\"choices[0].turns\" must hold strings, found \(turn.kindName)")
            }
            replies.append(text)
        }
        return ModelAnswer(questionKey: id.text, model: model, turns: replies, file: record.file, line: record.line)
    }

    /// An AlpacaEval output.
    static func alpacaEvalAnswer(_ record: JSONRecord) throws(InputError) -> ModelAnswer {
        ModelAnswer(questionKey: try string("instruction", in: record), model: try string("generator", in: record),
                    turns: [try string("output", in: record)], file: record.file, line: record.line)
    }

    /// `question_id`: an integer or a non-empty string; its text is what ids and joins use.
    private static func questionID(_ record: JSONRecord) throws(InputError) -> (text: String, value: JSONValue) {
        guard let value = record.value["question_id"] else { throw problem(record, "missing \"question_id\"") }
        switch value {
        case .number(let text) where Int(text) != nil:
            return (text, value)
        case .string(let text) where !text.isEmpty:
            return (text, value)
        default:
            throw problem(record, "\"question_id\" must be an integer or a non-empty string, found \(JSONWriter.serialize(value))")
        }
    }

    private static func string(_ key: String, in record: JSONRecord) throws(InputError) -> String {
        guard let value = record.value[key] else { throw problem(record, "missing \"\(key)\"") }
        guard let text = value.stringValue else { throw problem(record, "\"\(key)\" must be a string, found \(value.kindName)") }
        return text
    }

    private static func optionalString(_ key: String, in record: JSONRecord) throws(InputError) -> String? {
        guard let value = record.value[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw problem(record, "\"\(key)\" must be a string, found \(value.kindName)") }
        return text
    }

    private static func strings(_ key: String, in record: JSONRecord) throws(InputError) -> [String] {
        guard let items = record.value[key]?.arrayValue else {
            throw problem(record, "\"\(key)\" must be an array of strings")
        }
        var out: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw problem(record, "\"\(key)\" must hold strings, found \(item.kindName)") }
            out.append(text)
        }
        return out
    }

    static func problem(_ record: JSONRecord, _ reason: String) -> InputError {
        InputError(file: record.file, line: record.line, reason: reason)
    }
}
