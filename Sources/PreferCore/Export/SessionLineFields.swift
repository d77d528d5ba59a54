import Foundation

/// Reads the usual `label`, `undo` and `skip` lines straight from their member spans.
enum SessionLineFields {
    /// The record of a line of the usual shape, or nil to send it down the reference path
    /// (another type, an escaped key, a field of an unexpected kind, a value the reference
    /// would refuse, an `at` that `Timestamp.parse` does not read).
    static func record(_ bytes: UnsafeRawBufferPointer, _ members: [JSONMemberSpan], file: String, line: Int) -> SessionRecord? {
        guard let slots = Slots(members, in: bytes) else { return nil }
        if let v = slots.version {
            let member = members[v]
            guard member.kind == .null || (member.kind == .number && text(member, bytes) == "1") else { return nil }
        }
        guard let type = string(slots.type, members, bytes), !type.isEmpty,
              type == "label" || type == "undo" || type == "skip",
              let rater = string(slots.rater, members, bytes), !rater.isEmpty,
              let task = string(slots.task, members, bytes), !task.isEmpty,
              let session = optionalString(slots.session, members, bytes),
              let atText = optionalString(slots.at, members, bytes) else { return nil }
        var record = SessionRecord(file: file, line: line, type: type, rater: rater, json: .object([]))
        record.session = session.value
        record.task = task
        if let text = atText.value, let slot = slots.at {
            let range = members[slot].valueRange
            // The report reader's fast reading (exactly `Timestamp.parse`, which it falls back to).
            guard !members[slot].valueHasEscapes,
                  let seconds = Timestamp.seconds(bytes, (range.lowerBound + 1)..<(range.upperBound - 1)) else { return nil }
            record.at = Date(timeIntervalSince1970: seconds)
            record.atText = text
        }
        guard type == "label" else { return record }
        guard let choice = string(slots.choice, members, bytes), !choice.isEmpty,
              let sha = optionalString(slots.sha, members, bytes),
              let note = optionalString(slots.note, members, bytes),
              let left = optionalString(slots.left, members, bytes) else { return nil }
        record.choice = choice
        record.taskSHA256 = sha.value
        record.note = note.value
        if let side = left.value {
            guard let parsed = ResponseSide(rawValue: side) else { return nil }
            record.left = parsed
        }
        if let ms = slots.ms, members[ms].kind != .null {
            // Only a plain non-negative integer literal; "1.0", "-1" and the like take the reference path.
            guard members[ms].kind == .number, let whole = Int(text(members[ms], bytes)), whole >= 0,
                  !text(members[ms], bytes).hasPrefix("-") else { return nil }
            record.ms = whole
        }
        return record
    }

    /// Which member holds each field (indexes into the members), found by key length first.
    struct Slots {
        var version: Int?, type: Int?, rater: Int?, session: Int?, at: Int?, task: Int?
        var sha: Int?, choice: Int?, left: Int?, ms: Int?, note: Int?

        /// The slots of a line's members; nil when a key holds an escape (the reference
        /// path decodes those).
        init?(_ members: [JSONMemberSpan], in bytes: UnsafeRawBufferPointer) {
            for (index, member) in members.enumerated() {
                if member.keyHasEscapes { return nil }
                place(member, index, in: bytes)
            }
        }

        mutating func place(_ member: JSONMemberSpan, _ index: Int, in bytes: UnsafeRawBufferPointer) {
            switch member.keyRange.count {
            case 1: if member.keyEquals("v", in: bytes) { version = index }
            case 2:
                if member.keyEquals("at", in: bytes) { at = index } else if member.keyEquals("ms", in: bytes) { ms = index }
            case 4:
                if member.keyEquals("type", in: bytes) { type = index }
                else if member.keyEquals("task", in: bytes) { task = index }
                else if member.keyEquals("left", in: bytes) { left = index }
                else if member.keyEquals("note", in: bytes) { note = index }
            case 5: if member.keyEquals("rater", in: bytes) { rater = index }
            case 6: if member.keyEquals("choice", in: bytes) { choice = index }
            case 7: if member.keyEquals("session", in: bytes) { session = index }
            case 11: if member.keyEquals("task_sha256", in: bytes) { sha = index }
            default: break
            }
        }
    }

    /// A present, non-null string member's text; nil when absent, null or another kind.
    private static func string(_ slot: Int?, _ members: [JSONMemberSpan], _ bytes: UnsafeRawBufferPointer) -> String? {
        guard let slot, members[slot].kind == .string else { return nil }
        return JSONStringDecoder.decodeValue(bytes, members[slot].valueRange)
    }

    /// An optional field's value (nil when absent or null).
    private struct OptionalField {
        var value: String?
    }

    /// An optional string member; nil when it is of another kind than string or null.
    private static func optionalString(_ slot: Int?, _ members: [JSONMemberSpan], _ bytes: UnsafeRawBufferPointer) -> OptionalField? {
        guard let slot, members[slot].kind != .null else { return OptionalField(value: nil) }
        guard members[slot].kind == .string else { return nil }
        return OptionalField(value: JSONStringDecoder.decodeValue(bytes, members[slot].valueRange))
    }

    private static func text(_ member: JSONMemberSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[member.valueRange]), as: UTF8.self)
    }
}
