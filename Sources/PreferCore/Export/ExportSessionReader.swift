import Dispatch
import Foundation

/// Reads session files for an export on every core, giving the records, warnings and errors
/// of `SessionReader.read` (the reference, held to it by a differential test) with one
/// difference: `json` is left empty on `label`, `undo` and `skip` records, which exports
/// never look into.
///
/// A line of the usual shape (plain keys, fields of the expected kinds) is read from the
/// member spans of the validating scanner without building a `JSONValue`; any other line,
/// and every line that is wrong, goes through `JSONParser` and `SessionRecord.decode`, so
/// every message is the reference's own.
public enum ExportSessionReader {
    /// Reads session files and folders like `SessionReader.read(paths:)`.
    public static func read(paths: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ValidationFailure) -> SessionLog {
        var errors: [InputError] = []
        let files = SessionFiles.find(paths, errors: &errors)
        let results = JobResults<SessionReader.ParsedFile>(count: files.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, files.count))) { _ in
            var scanner = JSONLineScanner()
            while let index = next.take(below: files.count) {
                do throws(InputError) {
                    results[index] = parse(try SessionFiles.contents(of: files[index]), file: files[index], scanner: &scanner)
                } catch {
                    results[index] = SessionReader.ParsedFile(errors: [error])
                }
            }
        }
        var log = SessionLog(files: files)
        log.records.reserveCapacity(files.indices.reduce(0) { $0 + (results[$1]?.records.count ?? 0) })
        for index in files.indices {
            guard let parsed = results[index] else { continue }
            log.records.append(contentsOf: parsed.records)
            log.warnings.append(contentsOf: parsed.warnings)
            errors.append(contentsOf: parsed.errors)
        }
        if !errors.isEmpty {
            throw ValidationFailure(errors: Array(errors.prefix(SessionReader.errorLimit)),
                                    omitted: max(0, errors.count - SessionReader.errorLimit))
        }
        return log
    }

    /// One file's lines, with the reference's rules for blank lines and torn tails.
    static func parse(_ bytes: [UInt8], file: String, scanner: inout JSONLineScanner) -> SessionReader.ParsedFile {
        var result = SessionReader.ParsedFile()
        let lines = SessionLines.split(bytes)
        let lastContentful = lines.lastIndex(where: { !$0.isBlank })
        bytes.withUnsafeBytes { raw in
            for (index, line) in lines.enumerated() where !line.isBlank {
                let isLast = index == lastContentful
                let torn = InputError(file: file, line: line.number, reason: "ignored a torn last line")
                if isLast && !line.hasNewline {
                    result.warnings.append(torn)
                    continue
                }
                let slice = UnsafeRawBufferPointer(rebasing: raw[line.start..<line.end])
                do throws(JSONSyntaxError) {
                    guard try scanner.scan(slice) == .object,
                          let record = SessionLineFields.record(slice, scanner.members, file: file, line: line.number) else {
                        try reference(slice, file: file, line: line.number, into: &result)
                        continue
                    }
                    result.records.append(record)
                } catch {
                    if isLast {
                        result.warnings.append(torn)
                    } else {
                        result.errors.append(InputError(file: file, line: line.number,
                                                        reason: "not valid JSON at column \(error.offset + 1): \(error.message)"))
                    }
                }
            }
        }
        return result
    }

    /// The reference path for a line the scanner accepted but the fast path did not take.
    private static func reference(_ slice: UnsafeRawBufferPointer, file: String, line: Int,
                                  into result: inout SessionReader.ParsedFile) throws(JSONSyntaxError) {
        let value = try JSONParser.parse(slice)
        do throws(InputError) {
            var record = try SessionRecord.decode(value, file: file, line: line)
            if record.type == "label" || record.type == "undo" || record.type == "skip" { record.json = .object([]) }
            result.records.append(record)
        } catch {
            result.errors.append(error)
        }
    }
}

/// Where the lines of a session file are, by the rules of `SessionReader`: `\n` ends a line,
/// a `\r` before it is dropped, a UTF-8 BOM before the first line is skipped, and a line of
/// spaces, tabs and `\r` only is blank.
enum SessionLines {
    struct Line {
        var number: Int
        var start: Int
        var end: Int
        var hasNewline: Bool
        var isBlank: Bool
    }

    static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var number = 1
        bytes.withUnsafeBufferPointer { p in
            while start < p.count {
                let found = memchr(p.baseAddress! + start, 0x0A, p.count - start)
                let newline = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - p.baseAddress! }
                var end = newline ?? p.count
                if newline != nil && end > start && p[end - 1] == 0x0D { end -= 1 }
                var blank = true
                for k in start..<end where p[k] != 0x20 && p[k] != 0x09 && p[k] != 0x0D {
                    blank = false
                    break
                }
                lines.append(Line(number: number, start: start, end: end, hasNewline: newline != nil, isBlank: blank))
                start = (newline ?? p.count) + 1
                number += 1
            }
        }
        return lines
    }
}

/// Hands out 0, 1, 2, … to workers, one at a time.
final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}
