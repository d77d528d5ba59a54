import Foundation
@testable import PreferCore

// Whole session logs read by `validate`'s reader (`SessionReader.parse`, every line through
// `SessionLine`), for tests that hold prefer's readers to each other word for word (the same
// messages from validate, report and export). It shares prefer's parser, so it is no oracle:
// the parser-independent reference is `ReferenceSessionLog` (Foundation's `JSONSerialization`).

/// Everything read from a set of session files: the event records in file order, and
/// the torn tails that were dropped.
public struct SessionLog: Sendable, Equatable {
    /// Records of all files, files sorted by path, lines in file order.
    public var records: [SessionRecord]
    /// `FILE:LINE: ignored a torn last line` and similar tolerances, to show as warnings.
    public var warnings: [InputError]
    /// The files read, sorted by path.
    public var files: [String]

    public init(records: [SessionRecord] = [], warnings: [InputError] = [], files: [String] = []) {
        self.records = records
        self.warnings = warnings
        self.files = files
    }
}

extension SessionReader {
    /// Reads session files and folders (recursively, every `*.jsonl`), sorted by path;
    /// `skipUnreadable` leaves out files this account may not read, with a warning each.
    public static func read(paths: [String], skipUnreadable: Bool = false) throws(ValidationFailure) -> SessionLog {
        var errors: [InputError] = []
        var found = SessionFiles.find(paths, errors: &errors, skipUnreadable: skipUnreadable)
        var log = SessionLog(warnings: found.warnings, files: found.paths)
        for entry in found.entries {
            let bytes: [UInt8]
            do {
                bytes = try SessionFiles.contents(of: entry)
            } catch {
                found.keep(error, errors: &errors, warnings: &log.warnings)
                continue
            }
            let parsed = parse(bytes, file: entry.path, raterFolder: entry.raterFolder)
            log.records.append(contentsOf: parsed.records)
            log.warnings.append(contentsOf: parsed.warnings)
            errors.append(contentsOf: parsed.errors)
            if entry.raterFolder == nil {
                errors.append(contentsOf: RaterFolderRule.outsideErrors(entry, firstLines: firstLines(parsed.records),
                                                                        folders: found.raterFolders))
            }
        }
        log.warnings += found.skippedSummary(of: found.skipped).map { [$0] } ?? []
        if !errors.isEmpty {
            throw ValidationFailure(errors: Array(errors.prefix(errorLimit)),
                                    omitted: max(0, errors.count - errorLimit))
        }
        return log
    }
}

extension SessionScale {
    /// The known scale that every `session_start` record names in its `scale`, or nil when
    /// there is none, they disagree, or one names a list that is no known scale.
    public static func hint(_ records: [SessionRecord]) -> Scale? {
        hint(lists: records.lazy.filter { $0.type == "session_start" }.map { list($0.json["scale"]) })
    }
}
