import Dispatch
import Foundation

/// The one session-log reader (SPEC §4): finds the session files of some paths, reads them
/// on every core (names interned, fields read from the validating scanner's member spans,
/// `SessionLabelReader.WorkerData`), and can be asked again later to read only what was
/// appended since — what a batch router does before each task. `report` and `export` read
/// once with `SessionLabelReader.readAll`, which is one `advance(final: true)`.
///
///     let tail = SessionLogTail(paths: ["sessions"])
///     tail.advance()                 // every complete line so far
///     let now = tail.labels()        // effective labels (LabelSet), replayed over all of them
///     …
///     let step = tail.advance()      // only lines appended since, and new files
///
/// Per file a `Cursor` says how far it was read. A line counts only once its newline is
/// there: a last line still being written (or torn) is left where it is and read again next
/// time, whole. A file that appears is read from its start; a file replaced (another inode),
/// cut shorter than what was read, or gone, makes the tail start over: everything is read
/// again from the start (`Step.restarted` names the files), since the events it held may no
/// longer be true. Files are only appended to by `prefer label`, so that is rare.
///
/// Not for use from several threads at once (it uses every core itself).
public final class SessionLogTail {
    /// How far one file was read.
    public struct Cursor: Sendable, Equatable {
        /// Bytes of the file taken: the start of the first line not read yet.
        public internal(set) var offset = 0
        /// The number of that line (1-based).
        public internal(set) var line = 1
        /// The file these bytes came from, and its size when it was read.
        var identity: FileIdentity?
        /// Whether a `session_start` line was read (a last line without newline is then torn).
        var sawStart = false
        /// The first `at` of the file, which places it in the replay order.
        var firstTime: Double?
        /// Raters whose events were seen in a file outside rater folders (`RaterFolderRule`).
        var raters: Set<String> = []
        /// The `tasks_sha256` of the file's `session_start`, once read (a batch counts only
        /// sittings on its own task file).
        public internal(set) var tasksSHA256: String?

        public init() {}
    }

    /// What one `advance` found.
    public struct Step: Sendable, Equatable {
        /// Label, undo and skip events read in this step.
        public var events = 0
        /// Files read for the first time.
        public var newFiles: [String] = []
        /// Files replaced, truncated or gone since the last step; non-empty means the tail
        /// started over and this step read everything again.
        public var restarted: [String] = []
        /// Warnings not given by an earlier step (`FILE:LINE: reason`).
        public var warnings: [InputError] = []
        /// Lines or files that cannot be read: a bad line is reported once, when read; a file
        /// that cannot be opened is tried again, and reported again, every step.
        public var errors: [InputError] = []
        /// Folders listed in this step: only those changed since they were last listed.
        public var foldersListed = 0
    }

    public let paths: [String]
    let skipUnreadable: Bool
    let keeping: SessionLineKeeping
    let threads: Int
    /// Files in the order first found (sorted by path within one step), their entries and cursors.
    private(set) var files: [String] = []
    private var entries: [SessionFileEntry] = []
    private(set) var cursors: [Cursor] = []
    private var fileIndex: [String: Int] = [:]
    private(set) var states: SessionLabelReader.WorkerStates?
    /// Per worker, how many events it held before the last step (`lastStepEvents`).
    private(set) var stepStarts: [Int] = []
    /// Every warning given so far, in order (`labels().warnings`), and their texts.
    private(set) var warnings: [InputError] = []
    private var warned: Set<String> = []
    /// What each folder held when last listed, so a step re-lists only folders that changed.
    private var listings = FolderListings()

    /// A tail of the session files and folders `paths`, nothing read yet.
    /// - Parameter workers: threads to read with; nil uses every active processor.
    public convenience init(paths: [String], workers: Int? = nil, skipUnreadable: Bool = false) {
        self.init(paths: paths, workers: workers, keeping: .nothing, skipUnreadable: skipUnreadable)
    }

    init(paths: [String], workers: Int?, keeping: SessionLineKeeping, skipUnreadable: Bool) {
        self.paths = paths
        self.skipUnreadable = skipUnreadable
        self.keeping = keeping
        threads = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// How far `path` (as found) was read; nil for a file not read yet.
    public func cursor(of path: String) -> Cursor? { fileIndex[path].map { cursors[$0] } }

    /// Reads the complete lines appended since the last step, and new files.
    @discardableResult
    public func advance() -> Step { advance(final: false) }

    /// One step; with `final` the end of each file is the end of the log, and a torn last
    /// line is dropped with a warning (a one-off reading: report, export).
    func advance(final: Bool) -> Step {
        var step = Step()
        var errors: [InputError] = []
        var found = SessionFiles.find(paths, errors: &errors, skipUnreadable: skipUnreadable, listings: &listings)
        // One stat per known file found: whether it was replaced or cut short, or grew.
        let now = found.entries.map { fileIndex[$0.path] == nil ? nil : FileIdentity.current($0.path, followLink: $0.named) }
        step.foldersListed = found.foldersListed
        step.restarted = changedFiles(found.entries, now: now)
        if !step.restarted.isEmpty { startOver() }
        var reading: [Int] = []
        for (position, entry) in found.entries.enumerated() {
            if let known = fileIndex[entry.path] {
                let seen = cursors[known].identity?.size
                if seen == nil || now[position]?.size != seen {
                    entries[known] = entry
                    reading.append(known)
                }
                continue
            }
            fileIndex[entry.path] = files.count
            reading.append(files.count)
            files.append(entry.path)
            entries.append(entry)
            cursors.append(Cursor())
            step.newFiles.append(entry.path)
        }
        let toRead = reading
        // Workers are set up for the first step that reads something, sized by what it reads.
        let nothingRead = cursors.allSatisfy { $0.offset == 0 }
        let states = self.states.flatMap { nothingRead && toRead.count > $0.count ? nil : $0 } ?? makeStates(reading: toRead)
        let count = min(states.count, toRead.count)
        let next = SessionLabelReader.FileCounter()
        let folders = found.raterFolders
        let entries = self.entries, cursors = self.cursors
        stepStarts = (0..<states.count).map { states[$0].data.kind.count }
        let before = stepStarts.reduce(0, +)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let state = states[worker]
            state.results = []
            while let k = next.take(limit: toRead.count) {
                let index = toRead[k]
                var cursor = cursors[index]
                let outcome = state.data.read(file: entries[index], index: index, folders: folders,
                                              cursor: &cursor, final: final)
                state.results.append((k, outcome, cursor))
            }
        }
        var outcomes = [SessionLabelReader.FileOutcome](repeating: .init(), count: toRead.count)
        for w in 0..<count {
            for (k, outcome, cursor) in states[w].results {
                outcomes[k] = outcome
                self.cursors[toRead[k]] = cursor
            }
            states[w].results = []
        }
        step.events = (0..<states.count).reduce(0) { $0 + states[$1].data.kind.count } - before
        var warnings = found.warnings.filter { warned.insert($0.description).inserted }
        for outcome in outcomes {
            for error in outcome.errors { found.keep(error, errors: &errors, warnings: &warnings) }
            warnings.append(contentsOf: outcome.warnings)
        }
        if let summary = found.skippedSummary(of: found.skipped), warned.insert(summary.description).inserted {
            warnings.append(summary)
        }
        step.warnings = warnings
        step.errors = errors
        self.warnings += warnings
        return step
    }

    /// The effective labels of every event read so far (SPEC §4 replay), with all warnings.
    public func labels() -> LabelSet { reading().set }

    /// `labels()`, with the lookup and per label its event, for exports.
    func reading() -> SessionReading {
        let data = states.map { states in (0..<states.count).map { states[$0].data } } ?? []
        var resolved = EffectiveLabelResolver.resolve(workers: data, files: files, firstTimes: cursors.map(\.firstTime))
        resolved.set.warnings = warnings
        resolved.set.files = files
        return SessionReading(set: resolved.set, lookup: resolved.lookup, sources: resolved.sources, workers: data,
                              firstTimes: cursors.map(\.firstTime))
    }

    /// Known files that were replaced, cut short or are gone; `now[k]` is what `found[k]`
    /// names now (nil for a file not known, or gone since the walk).
    private func changedFiles(_ found: [SessionFileEntry], now: [FileIdentity?]) -> [String] {
        var current: [Int: FileIdentity?] = [:]
        for (position, entry) in found.enumerated() {
            if let known = fileIndex[entry.path] { current[known] = now[position] }
        }
        return files.indices.compactMap { index in
            guard let identity = current[index] else { return files[index] }
            guard let seen = cursors[index].identity else { return nil }
            guard let identity else { return files[index] }
            return identity.isSameFile(as: seen) && identity.size >= seen.size ? nil : files[index]
        }
    }

    private func startOver() {
        files = []
        entries = []
        cursors = []
        fileIndex = [:]
        states = nil
        warnings = []
        warned = []
    }

    /// Workers for a first reading of the files at `indexes`, with room for as many events
    /// as they could hold, taken once: grown by doubling, the columns were copied again and
    /// again into memory the kernel had to zero each time. Untouched room costs address
    /// space only.
    private func makeStates(reading indexes: [Int]) -> SessionLabelReader.WorkerStates {
        let count = max(1, min(threads, indexes.count))
        let states = SessionLabelReader.WorkerStates(count: count, keeping: keeping)
        let bytes = indexes.reduce(0) { total, index in
            // (lstat: a planted link is skipped by the reading, so must not count here either)
            total + (FileIdentity.current(files[index], followLink: false)?.size ?? 0)
        }
        let shortest = SessionLabelReader.WorkerData.shortestEventLine
        for w in 0..<count {
            states[w].data.reserve(events: min(bytes / shortest, bytes / count * 2 / shortest + 1024),
                                   bytes: min(bytes, bytes / count * 2 + 4096))
        }
        self.states = states
        return states
    }
}
