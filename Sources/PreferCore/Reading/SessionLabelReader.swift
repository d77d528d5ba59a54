import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads session files for a report: the same files, warnings, errors and effective labels as
/// `SessionReader.read` followed by `EffectiveLabels.compute` (the reference, checked by a
/// differential test), but on every core and without building a `JSONValue` or a `String` per
/// line, so that millions of labels read in about a second.
///
/// Files are parsed in parallel (each worker takes the next file); every line is validated
/// by the strict scanner that `prefer label` and `validate` use, and its fields are read from
/// the member spans (`SessionLineDecoder`). Names are interned per worker and merged after.
public enum SessionLabelReader {
    /// Reads session files and folders (recursively, every `*.jsonl`) into effective labels.
    /// - Parameter workers: threads to use; nil uses every active processor.
    public static func read(paths: [String], workers: Int? = nil, skipUnreadable: Bool = false) throws(ValidationFailure) -> LabelSet {
        try readIndexed(paths: paths, workers: workers, skipUnreadable: skipUnreadable).0
    }

    /// `read`, plus the lookup from task id to item that the task and gold files are matched with.
    static func readIndexed(paths: [String], workers: Int? = nil, skipUnreadable: Bool = false) throws(ValidationFailure) -> (LabelSet, LabeledItemLookup) {
        let reading = try readAll(paths: paths, workers: workers, keeping: .nothing, skipUnreadable: skipUnreadable)
        return (reading.set, reading.lookup)
    }

    /// Everything a reading found: the label set and lookup, and per effective label the event
    /// it came from, with what `keeping` asks for.
    static func readAll(paths: [String], workers: Int?, keeping: SessionLineKeeping,
                        skipUnreadable: Bool = false) throws(ValidationFailure) -> SessionReading {
        let tail = SessionLogTail(paths: paths, workers: workers, keeping: keeping, skipUnreadable: skipUnreadable)
        let errors = tail.advance(final: true).errors
        if !errors.isEmpty {
            throw ValidationFailure(errors: Array(errors.prefix(SessionReader.errorLimit)),
                                    omitted: max(0, errors.count - SessionReader.errorLimit))
        }
        return tail.reading()
    }
}
