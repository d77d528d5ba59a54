import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SessionLabelReader {
    /// The events, names and outcomes one worker collected, as parallel arrays.
    struct WorkerData {
        var tables = SessionNameTables()
        var scanner = JSONLineScanner()
        // Events of kind label, undo, skip, shown or end, in file order within each file.
        var kind: [UInt8] = []
        var task: [Int32] = []
        var rater: [Int32] = []
        var choice: [Int32] = []
        var left: [Int8] = []
        /// `"repeat": true`: a batch repeat, left out of the replay to effective labels.
        var isRepeat: [Bool] = []
        /// The event's `at` in seconds since 1970 (NaN without one): a `shown` claim's start.
        var time: [Double] = []
        var milliseconds: [Int] = []
        var file: [Int32] = []
        var line: [Int32] = []
        var sittings = 0
        /// The `adjudication` lines read, whole, for the verdict replay (`EffectiveLabelResolver`).
        var verdictRecords: [SessionRecord] = []
        /// Scales seen on `session_start` lines.
        var scales: Set<[String]> = []
        /// The `scale` of every `session_start` line as `SessionScale.hint` reads it (nil when
        /// a line has none), distinct.
        var scaleLists: Set<[String]?> = []
        /// The guideline and task-file versions of `session_start` lines, distinct.
        var versions: Set<SittingVersion> = []
        /// What the worker keeps for an export (see `SessionLineKeeping`); the columns below stay empty
        /// with `.nothing`.
        var keeping = SessionLineKeeping.nothing
        /// Bytes kept of label lines, one record after another: a whole line (its object,
        /// without the blanks around it), or the fields of `labelFields` one after another.
        var kept: [UInt8] = []
        /// Per event: where its record starts in `kept` and its length (0: nothing kept).
        var keptAt: [Int] = []
        var keptLength: [Int32] = []
        /// Per event: `SessionLineEvent.taskSHAState`, and the 32 bytes that the `task_sha256`
        /// writes in hex when that is 1 (zeros otherwise), so that an export checks a label
        /// against its task without going back to the line (half the memory of the hex: 100 MB
        /// at 3M labels).
        var taskSHAState: [UInt8] = []
        var taskSHA: [UInt8] = []
        /// Per event, with `.labelFields`: where a label's fields are in its record (nil when
        /// the record is the whole line, or for undo and skip).
        var labelFields: [LabelFieldSpans?] = []

        /// Fewer bytes than any label, undo or skip line takes (their keys alone take more).
        static let shortestEventLine = 64

        /// Room for `count` events, and (with `.labelFields`) for records of
        /// lines of `bytes` in all.
        mutating func reserve(events count: Int, bytes: Int) {
            kind.reserveCapacity(count)
            task.reserveCapacity(count)
            rater.reserveCapacity(count)
            choice.reserveCapacity(count)
            left.reserveCapacity(count)
            isRepeat.reserveCapacity(count)
            time.reserveCapacity(count)
            milliseconds.reserveCapacity(count)
            file.reserveCapacity(count)
            line.reserveCapacity(count)
            guard keeping != .nothing else { return }
            keptAt.reserveCapacity(count)
            keptLength.reserveCapacity(count)
            taskSHAState.reserveCapacity(count)
            taskSHA.reserveCapacity(32 * count)
            if keeping == .labelFields { labelFields.reserveCapacity(count) }
            if keeping == .labelFields { kept.reserveCapacity(bytes) }
        }

        /// Reads the lines of `entry` appended since `cursor` (all of it for a new cursor) and
        /// moves the cursor past the lines it took. With `final` the end of the file is the
        /// end of the log: a torn last line is dropped with a warning (`SessionReader.parse`);
        /// without, a last line still lacking its newline, or a bad last line, may be a line
        /// being written, so it is left for the next reading.
        mutating func read(file entry: SessionFileEntry, index: Int, folders: RaterFolders,
                           cursor: inout SessionLogTail.Cursor, final: Bool) -> FileOutcome {
            var outcome = FileOutcome()
            let appended: (bytes: [UInt8], identity: FileIdentity)
            do {
                appended = try SessionFiles.appended(to: entry.path, followLink: entry.named, from: cursor.offset,
                                                     firstLine: cursor.line)
            } catch {
                outcome.errors.append(error)
                return outcome
            }
            var firstLines: [(rater: Int32, line: Int)] = []
            let taken = appended.bytes.withUnsafeBytes { raw in
                parse(raw, path: entry.path, index: index, raterFolder: entry.raterFolder, cursor: &cursor,
                      final: final, &outcome, &firstLines)
            }
            cursor.offset += taken.bytes
            cursor.line = taken.nextLine
            cursor.identity = appended.identity
            if entry.raterFolder == nil {
                let names = firstLines.map { (rater: tables.raters.name(Int($0.rater)), line: $0.line) }
                    .filter { cursor.raters.insert($0.rater).inserted }
                outcome.errors.append(contentsOf: RaterFolderRule.outsideErrors(entry, firstLines: names, folders: folders))
            }
            outcome.firstTime = cursor.firstTime
            return outcome
        }

        /// The lines of one file, split and judged exactly as `SessionReader.parse` does; the
        /// bytes and lines taken (up to the first line left for later, see `read`).
        private mutating func parse(_ raw: UnsafeRawBufferPointer, path: String, index: Int, raterFolder: String?,
                                    cursor: inout SessionLogTail.Cursor, final: Bool,
                                    _ outcome: inout FileOutcome,
                                    _ firstLines: inout [(rater: Int32, line: Int)]) -> (bytes: Int, nextLine: Int) {
            // The rater id of `raterFolder` once a line has interned it (-1 until then).
            var folderRater: Int32 = -1
            let lines = JSONLines(raw, firstLine: cursor.line)
            var taken = (bytes: raw.count, nextLine: cursor.line)
            for line in lines {
                taken.nextLine = line.number + 1
                if line.isBlank { continue }
                let number = line.number
                let isLast = line.isLast
                if !final && isLast && !line.hasNewline {
                    return (line.content.lowerBound, number)
                }
                // As `SessionReader.parse`: without session_start, a complete last line may lack its newline.
                if isLast && !line.hasNewline && cursor.sawStart {
                    outcome.warnings.append(Self.tornLine(path, number))
                    continue
                }
                let bytes = lines[line]
                let kindOfValue: JSONKind
                do throws(JSONSyntaxError) {
                    kindOfValue = try scanner.scan(bytes)
                } catch {
                    if isLast && !final { return (line.content.lowerBound, number) }
                    if isLast {
                        outcome.warnings.append(Self.tornLine(path, number))
                    } else {
                        outcome.errors.append(SessionLine.notJSON(error, file: path, line: number))
                    }
                    continue
                }
                let event: SessionLineEvent
                do throws(InputError) {
                    event = try SessionLineDecoder.decode(bytes, kindOfValue, scanner.members, file: path, line: number,
                                                          tables: &tables)
                } catch {
                    outcome.errors.append(error)
                    continue
                }
                if event.startsSession {
                    cursor.sawStart = true
                    cursor.tasksSHA256 = event.version?.tasksSHA256
                }
                if let raterFolder {
                    if folderRater < 0 { folderRater = tables.raters.find(raterFolder) ?? -1 }
                    if event.rater != folderRater {
                        outcome.errors.append(RaterFolderRule.mismatch(file: path, line: number,
                                                                       rater: tables.raters.name(Int(event.rater)),
                                                                       folder: raterFolder))
                        continue
                    }
                } else if firstLines.last?.rater != event.rater && !firstLines.contains(where: { $0.rater == event.rater }) {
                    firstLines.append((event.rater, number))
                }
                if isLast && !line.hasNewline { outcome.warnings.append(SessionReader.unterminatedLine(path, number)) }
                if cursor.firstTime == nil, let t = event.time { cursor.firstTime = t }
                if event.startsSession {
                    sittings += 1
                    if let scale = event.scale { scales.insert(scale) }
                    scaleLists.insert(event.scaleList)
                    if let version = event.version { versions.insert(version) }
                }
                if event.kind == .adjudication {
                    // Decoded once more, whole (a handful per lead): the verdict replay wants it all.
                    if let record = try? SessionLine(bytes, scanner.members, file: path, line: number).record() {
                        verdictRecords.append(record)
                    }
                    continue
                }
                guard event.kind != .other, event.task >= 0 || event.kind == .end else { continue }
                kind.append(event.kind.rawValue)
                task.append(event.task)
                rater.append(event.rater)
                choice.append(event.choice)
                left.append(event.left)
                isRepeat.append(event.isRepeat)
                time.append(event.time ?? .nan)
                milliseconds.append(event.milliseconds)
                file.append(Int32(index))
                self.line.append(Int32(number))
                if keeping != .nothing {
                    var event = event
                    // Only a hash as prefer writes it (lowercase hex) is kept as its 32 bytes;
                    // any other 64 bytes keep their line, compared decoded like an escaped one.
                    if event.taskSHAState == 1,
                       !SHA256Hex.isDigestHex(UnsafeRawBufferPointer(rebasing: bytes[event.taskSHAOffset..<(event.taskSHAOffset + 64)])) {
                        event.taskSHAState = 2
                    }
                    keep(event, bytes)
                    taskSHAState.append(event.taskSHAState)
                    if event.taskSHAState == 1 {
                        SHA256Hex.appendBytes(ofHex: UnsafeRawBufferPointer(rebasing: bytes[event.taskSHAOffset..<(event.taskSHAOffset + 64)]),
                                              to: &taskSHA)
                    } else {
                        taskSHA.append(contentsOf: repeatElement(0, count: 32))
                    }
                }
            }
            return taken
        }

        /// Keeps what `keeping` asks of one event's line (see `SessionLineKeeping`).
        private mutating func keep(_ event: SessionLineEvent, _ line: UnsafeRawBufferPointer) {
            let record = kept.count
            var fields: LabelFieldSpans?
            if event.kind == .label {
                let fast = keeping == .labelFields && event.taskSHAState != 2 ? event.labelFields : nil
                if let slots = fast {
                    var spans = LabelFieldSpans(scanner.members, slots)
                    spans.moveFields(of: line, to: &kept)
                    fields = spans
                } else if keeping == .labelFields || event.taskSHAState == 2 {
                    kept.append(contentsOf: Self.trimmed(line))
                }
            }
            keptAt.append(record)
            keptLength.append(Int32(kept.count - record))
            if keeping == .labelFields { labelFields.append(fields) }
        }

        private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

        /// `line` without the blanks around its object.
        private static func trimmed(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
            var start = 0, end = line.count
            while start < end && isBlank(line[start]) { start += 1 }
            while end > start && isBlank(line[end - 1]) { end -= 1 }
            return UnsafeRawBufferPointer(rebasing: line[start..<end])
        }

        private static func tornLine(_ file: String, _ line: Int) -> InputError {
            InputError(file: file, line: line, reason: "ignored a torn last line")
        }
    }
}
