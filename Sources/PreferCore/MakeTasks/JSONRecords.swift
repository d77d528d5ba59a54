/// One object read from a JSONL file or a JSON array file, with the line it starts on.
public struct JSONRecord: Sendable, Equatable {
    public var file: String
    /// 1-based line where the object starts.
    public var line: Int
    public var value: JSONValue

    public init(file: String, line: Int, value: JSONValue) {
        self.file = file
        self.line = line
        self.value = value
    }

    /// `FILE:LINE`, for messages.
    public var location: String { "\(displayedPath(file)):\(line)" }
}

/// Reads benchmark files in either layout their projects use: JSON Lines (MT-Bench, most
/// AlpacaEval outputs) or one JSON array of objects (AlpacaEval's `model_outputs.json`).
///
/// Tolerated as in task files: a UTF-8 BOM, CRLF line ends, blank lines, no final newline.
public enum JSONRecords {
    /// The objects of the file at `path`, in file order; every problem is `FILE:LINE: reason`.
    public static func read(path: String) throws(ValidationFailure) -> [JSONRecord] {
        let bytes: [UInt8]
        do {
            bytes = try SessionFiles.contents(of: path)
        } catch {
            throw ValidationFailure(errors: [error])
        }
        return try parse(bytes, file: path)
    }

    /// The objects in `bytes`, which came from `file`.
    public static func parse(_ bytes: [UInt8], file: String) throws(ValidationFailure) -> [JSONRecord] {
        var start = 0
        if JSONLines.startsWithBOM(bytes) { start = 3 }
        let first = bytes[start...].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard let first else {
            throw ValidationFailure(errors: [InputError(file: file, reason: "holds no records")])
        }
        return first == UInt8(ascii: "[") ? try array(bytes, from: start, file: file) : try lines(bytes, from: start, file: file)
    }

    private static func lines(_ bytes: [UInt8], from start: Int, file: String) throws(ValidationFailure) -> [JSONRecord] {
        var records: [JSONRecord] = []
        var errors: [InputError] = []
        bytes.withUnsafeBytes { raw in
            let lines = JSONLines(raw, from: start)
            for line in lines where !line.isBlank {
                let slice = lines[line]
                do throws(JSONSyntaxError) {
                    let value = try JSONParser.parse(slice)
                    if case .object = value {
                        records.append(JSONRecord(file: file, line: line.number, value: value))
                    } else {
                        errors.append(InputError(file: file, line: line.number, reason: "expected a JSON object, found \(value.kindName)"))
                    }
                } catch {
                    errors.append(InputError(file: file, line: line.number, reason: describe(error, in: slice)))
                }
            }
        }
        if !errors.isEmpty { throw failure(errors) }
        return records
    }

    private static func array(_ bytes: [UInt8], from start: Int, file: String) throws(ValidationFailure) -> [JSONRecord] {
        let outcome: Result<[JSONRecord], ValidationFailure> = bytes.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[start...])
            do throws(JSONSyntaxError) {
                _ = try JSONParser.validate(body)
            } catch {
                // The column counts from the start of the line the error is on, not of the file.
                let offset = min(start + error.offset, bytes.count)
                let lineStart = (bytes[..<offset].lastIndex(of: 0x0A) ?? -1) + 1
                var local = error
                local.offset = offset - lineStart
                let rest = UnsafeRawBufferPointer(rebasing: raw[lineStart...])
                return .failure(failure([InputError(file: file, line: lineNumber(of: offset, in: bytes),
                                                    reason: describe(local, in: rest))]))
            }
            let open = body.firstIndex(of: UInt8(ascii: "["))!
            var records: [JSONRecord] = []
            var errors: [InputError] = []
            var counted = (offset: 0, line: 1)
            for element in JSONSpans.elements(body, ofArrayIn: open..<body.count) {
                // Lines are counted forward from the previous element, so the file is scanned once.
                for k in counted.offset..<(start + element.range.lowerBound) where bytes[k] == 0x0A { counted.line += 1 }
                counted.offset = start + element.range.lowerBound
                guard element.kind == .object else {
                    errors.append(InputError(file: file, line: counted.line, reason: "expected a JSON object, found \(element.kind.name)"))
                    continue
                }
                let value = JSONValueBuilder.build(body, from: element.range.lowerBound).value
                records.append(JSONRecord(file: file, line: counted.line, value: value))
            }
            return errors.isEmpty ? .success(records) : .failure(failure(errors))
        }
        return try outcome.get()
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func describe(_ error: JSONSyntaxError, in bytes: UnsafeRawBufferPointer) -> String {
        let kind = error.isInvalidUTF8 ? "invalid UTF-8" : "invalid JSON"
        return "\(kind) at column \(error.column(in: bytes)): \(error.message)"
    }

    private static func failure(_ errors: [InputError]) -> ValidationFailure {
        ValidationFailure(errors: Array(errors.prefix(20)), omitted: max(0, errors.count - 20))
    }
}
