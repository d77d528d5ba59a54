#if canImport(Glibc)
import Glibc
#endif

/// Reads a session file back into records with every field (SPEC §4, each line read by
/// `SessionLine`, as the log readers read it), for `validate`'s checks (`SessionFileCheck`), like the log readers of etcd or Kafka: a torn last line is normal
/// after a crash and is dropped with a warning; damage anywhere else is an error naming
/// `FILE:LINE`. Reports, exports and resume read through `SessionLogTail` instead.
public enum SessionReader {
    /// At most this many errors are kept; a garbage file must not flood the terminal.
    public static let errorLimit = 50

    /// The outcome of reading one file's bytes.
    public struct ParsedFile: Sendable, Equatable {
        public var records: [SessionRecord] = []
        public var warnings: [InputError] = []
        public var errors: [InputError] = []
    }

    /// The first line of each rater name in one file's records.
    static func firstLines(_ records: [SessionRecord]) -> [(rater: String, line: Int)] {
        var seen = Set<String>()
        return records.compactMap { seen.insert($0.rater).inserted ? ($0.rater, $0.line) : nil }
    }

    /// Reads the lines of one session file's contents; `file` names it in records and errors.
    /// In the rater folder of `raterFolder`, an event of another rater is an error
    /// (`RaterFolderRule`).
    public static func parse(_ bytes: [UInt8], file: String, raterFolder: String? = nil) -> ParsedFile {
        var result = ParsedFile()
        // A file of prefer's writer starts with session_start; one without it holds lines
        // from another tool, whose last line may simply lack its newline (SPEC §4).
        var sawStart = false
        var scanner = JSONLineScanner()
        bytes.withUnsafeBytes { raw in
            // Only the last line that holds anything can be torn: a new sitting never appends to
            // an old file, so a torn line can never have a good line after it.
            let lines = JSONLines(raw)
            for line in lines where !line.isBlank {
                let isLast = line.isLast
                if isLast && !line.hasNewline && sawStart {
                    result.warnings.append(tornLine(file, line.number))
                    continue
                }
                let bytes = lines[line]
                let kind: JSONKind
                do throws(JSONSyntaxError) {
                    kind = try scanner.scan(bytes)
                } catch {
                    if isLast {
                        result.warnings.append(tornLine(file, line.number))
                    } else {
                        result.errors.append(SessionLine.notJSON(error, file: file, line: line.number))
                    }
                    continue
                }
                do throws(InputError) {
                    let record = try SessionLine(bytes, kind, scanner.members, file: file, line: line.number).record()
                    if record.type == "session_start" { sawStart = true }
                    if let raterFolder, record.rater != raterFolder {
                        throw RaterFolderRule.mismatch(file: file, line: line.number, rater: record.rater, folder: raterFolder)
                    }
                    result.records.append(record)
                    if isLast && !line.hasNewline { result.warnings.append(unterminatedLine(file, line.number)) }
                } catch {
                    result.errors.append(error)
                }
            }
        }
        return result
    }

    private static func tornLine(_ file: String, _ line: Int) -> InputError {
        InputError(file: file, line: line, reason: "ignored a torn last line")
    }

    /// The warning for a complete last line without its newline in a file of another tool.
    static func unterminatedLine(_ file: String, _ line: Int) -> InputError {
        InputError(file: file, line: line,
                   reason: "read a last line without its final newline (no session_start in the file: taken as lines from another tool)")
    }
}
