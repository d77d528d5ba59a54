/// The effective labels of a set of session files, integer-coded, with what the report says
/// about the reading: warnings, files, sittings and event counts.
public struct LabelSet: Sendable, Equatable {
    /// The labels: `itemNames` are the tasks with at least one effective label; models and
    /// gold answers are filled in later from the task and gold files.
    public var coded: CodedLabels
    /// Torn last lines that were dropped, as `FILE:LINE: reason`.
    public var warnings: [InputError] = []
    /// The session files read, sorted by path.
    public var files: [String] = []
    /// The scale every `session_start` line recorded, when they all agree on a known one.
    public var scaleHint: Scale?
    /// Number of `session_start` lines (sittings).
    public var sittings = 0
    /// The distinct (rater, guideline, task file) versions the sittings recorded.
    public var sittingVersions: [SittingVersion] = []
    /// Events read, by type.
    public var labelEvents = 0
    public var undoEvents = 0
    public var skipEvents = 0
    /// The verdict in effect on each adjudicated task (SPEC §12), `rater` being the lead;
    /// by task. Not labels: nothing in `coded` counts them.
    public var verdicts: [EffectiveLabel] = []
    /// Per rater, how their batch repeats (`"repeat": true`) compare with their effective
    /// labels (SPEC §10 self-consistency); empty without repeats.
    public var repeatConsistency: [String: RepeatConsistency.Counts] = [:]

    public init(coded: CodedLabels = CodedLabels()) {
        self.coded = coded
    }

    /// Number of effective labels.
    public var count: Int { coded.item.count }

    /// The labels as `ObservedLabel`s, ordered by task, then rater (bytewise), as
    /// `EffectiveLabels.compute` orders them; for tests and small inputs.
    public func observedLabels() -> [ObservedLabel] {
        var out: [ObservedLabel] = []
        out.reserveCapacity(count)
        for j in 0..<count {
            let left: ObservedLabel.Side? = switch coded.left[j] {
            case 0: .a
            case 1: .b
            default: nil
            }
            let ms = coded.milliseconds[j]
            out.append(ObservedLabel(item: coded.itemNames[Int(coded.item[j])],
                                     rater: coded.raterNames[Int(coded.rater[j])],
                                     choice: coded.choiceNames[Int(coded.choice[j])], left: left,
                                     milliseconds: ms == CodedLabels.noMilliseconds ? nil : ms))
        }
        return out.sorted {
            $0.item != $1.item ? $0.item.utf8.lexicographicallyPrecedes($1.item.utf8)
                               : $0.rater.utf8.lexicographicallyPrecedes($1.rater.utf8)
        }
    }
}
