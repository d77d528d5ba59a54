import Dispatch
import Foundation

/// `SessionReader.read` on every core: the same files, records, warnings and errors in the
/// same order, with each file read and parsed by whichever worker is free.
///
/// Exports read hundreds of thousands of events; parsing is per file and independent, so
/// the files are shared out and the results put back in path order.
public enum ParallelSessionReader {
    /// Reads session files and folders like `SessionReader.read(paths:)`.
    public static func read(paths: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ValidationFailure) -> SessionLog {
        var errors: [InputError] = []
        let files = SessionFiles.find(paths, errors: &errors)
        let results = JobResults<SessionReader.ParsedFile>(count: files.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, files.count))) { _ in
            while let index = next.take(below: files.count) {
                do throws(InputError) {
                    results[index] = SessionReader.parse(try SessionFiles.contents(of: files[index]), file: files[index])
                } catch {
                    results[index] = SessionReader.ParsedFile(errors: [error])
                }
            }
        }
        var log = SessionLog(files: files)
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
