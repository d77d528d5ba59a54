/// The string fields of a label line that a `labels` export writes, as the fast path found
/// them (with their quotes); the side and milliseconds are in the coded labels.
struct LabelFieldSpans: Sendable {
    var task = FieldSpan(), rater = FieldSpan(), choice = FieldSpan()
    var at = FieldSpan(), session = FieldSpan(), note = FieldSpan()

    /// Where the last of the fields ends in the line (0 when none is present).
    var end: Int {
        [task, rater, choice, at, session, note].reduce(0) { $1.isPresent ? max($0, $1.range.upperBound) : $0 }
    }

    /// Appends the fields' bytes from `line` to `record` one after another (the record
    /// starting where `record` ends now) and points the spans at them there.
    mutating func moveFields(of line: UnsafeRawBufferPointer, to record: inout [UInt8]) {
        let base = record.count
        func move(_ span: inout FieldSpan) {
            guard span.isPresent else { return }
            let range = span.range
            span = span.moved(to: record.count - base)
            record.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[range]))
        }
        move(&task)
        move(&rater)
        move(&choice)
        move(&at)
        move(&session)
        move(&note)
    }

    init(_ members: [JSONMemberSpan], _ slots: LabelFieldSlots) {
        task = FieldSpan(members, slots.task)
        rater = FieldSpan(members, slots.rater)
        choice = FieldSpan(members, slots.choice)
        at = FieldSpan(members, slots.at)
        session = FieldSpan(members, slots.session)
        note = FieldSpan(members, slots.note)
    }
}
