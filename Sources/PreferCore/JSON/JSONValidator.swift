/// The one strict RFC 8259 checker that every JSON path of prefer goes through: the full
/// parser validates with it before building values, and the JSONL line scanner validates
/// with it while only noting where the top-level members lie. One checker means one notion
/// of "valid", so a line accepted at load time can never fail to parse later.
///
/// It never recurses (containers are tracked on an explicit stack capped at
/// `maximumDepth`), so hostile nesting gives an error instead of a stack overflow. It keeps
/// its buffers between calls so that validating many lines allocates almost nothing.
struct JSONValidator {
    /// Deeper nesting is refused; real task files nest three or four levels.
    static let maximumDepth = 512
    /// Objects with more keys than this look up duplicates in a hash index instead of by a
    /// linear scan, so that a line with a million keys is not quadratic.
    static let linearKeyLimit = 16

    private struct Frame {
        var isObject: Bool
        var keysStart: Int
        var arenaMark: Int
        var serial: Int
    }

    /// A key seen in an open object: its bytes in the input, or in `arena` once decoded.
    private struct KeyRef {
        var start: Int
        var count: Int
        var inArena: Bool
        /// The previous key of the same object with the same hash (hash-index chains), or -1.
        var next: Int
    }

    private struct IndexKey: Hashable {
        var serial: Int
        var hash: Int
    }

    private var frames: [Frame] = []
    private var keys: [KeyRef] = []
    private var arena: [UInt8] = []
    private var index: [IndexKey: Int] = [:]
    private var serial = 0

    init() {}

    /// Checks that `bytes` hold exactly one JSON value, with optional whitespace around it.
    mutating func validate(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONKind {
        var unused: [JSONMemberSpan] = []
        return try run(bytes, record: false, members: &unused)
    }

    /// Like `validate`, and when the value is an object also fills `members` with where each
    /// of its members lies (in file order).
    mutating func validate(_ bytes: UnsafeRawBufferPointer,
                           members: inout [JSONMemberSpan]) throws(JSONSyntaxError) -> JSONKind {
        members.removeAll(keepingCapacity: true)
        return try run(bytes, record: true, members: &members)
    }

    private mutating func reset() {
        frames.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        if !index.isEmpty { index.removeAll(keepingCapacity: true) }
    }

    // The state machine: `expectValue` parses one value (pushing containers), then the code
    // after it consumes separators and closing brackets until another value is expected.
    private mutating func run(_ bytes: UnsafeRawBufferPointer, record: Bool,
                              members: inout [JSONMemberSpan]) throws(JSONSyntaxError) -> JSONKind {
        reset()
        let n = bytes.count
        guard n > 0, let raw = bytes.baseAddress else { throw JSONScan.endOfInput(0) }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        var i = JSONScan.skipWhitespace(p, n, 0)
        guard i < n else { throw JSONScan.endOfInput(n) }
        let topKind = JSONKind.of(firstByte: p[i])

        var expectValue = true
        while true {
            if expectValue {
                i = JSONScan.skipWhitespace(p, n, i)
                guard i < n else { throw JSONScan.endOfInput(n) }
                let isMember = record && frames.count == 1 && frames[0].isObject
                let c = p[i]
                if isMember {
                    members[members.count - 1].valueRange = i..<i
                    members[members.count - 1].kind = JSONKind.of(firstByte: c)
                }
                switch c {
                case UInt8(ascii: "\""):
                    var scalars = 0
                    let escaped = try JSONScan.string(p, n, &i, scalars: &scalars)
                    if isMember {
                        members[members.count - 1].valueHasEscapes = escaped
                        members[members.count - 1].valueScalars = Int32(clamping: scalars)
                    }
                case UInt8(ascii: "{"):
                    try push(isObject: true, at: i)
                    i = JSONScan.skipWhitespace(p, n, i + 1)
                    guard i < n else { throw JSONScan.endOfInput(n) }
                    if p[i] == UInt8(ascii: "}") {
                        i += 1
                        pop()
                    } else {
                        try key(p, n, &i, record: record, members: &members)
                        continue
                    }
                case UInt8(ascii: "["):
                    try push(isObject: false, at: i)
                    i = JSONScan.skipWhitespace(p, n, i + 1)
                    guard i < n else { throw JSONScan.endOfInput(n) }
                    if p[i] == UInt8(ascii: "]") {
                        i += 1
                        pop()
                    } else {
                        continue
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try JSONScan.number(p, n, &i)
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    try JSONScan.literal(p, n, &i)
                default:
                    throw try JSONScan.notAValue(p, n, i)
                }
                expectValue = false
            }

            // A value just ended at `i`.
            if record && frames.count == 1 && frames[0].isObject {
                let start = members[members.count - 1].valueRange.lowerBound
                members[members.count - 1].valueRange = start..<i
            }
            i = JSONScan.skipWhitespace(p, n, i)
            guard let top = frames.last else {
                if i != n {
                    throw JSONSyntaxError(message: "unexpected \(try JSONScan.found(p, n, i)) after the JSON value",
                                          offset: i)
                }
                return topKind
            }
            guard i < n else { throw JSONScan.endOfInput(n) }
            let c = p[i]
            if top.isObject {
                if c == UInt8(ascii: ",") {
                    i = JSONScan.skipWhitespace(p, n, i + 1)
                    guard i < n else { throw JSONScan.endOfInput(n) }
                    if p[i] == UInt8(ascii: "}") {
                        throw JSONSyntaxError(message: "trailing comma before '}'", offset: i)
                    }
                    try key(p, n, &i, record: record, members: &members)
                    expectValue = true
                } else if c == UInt8(ascii: "}") {
                    i += 1
                    pop()
                } else {
                    throw JSONSyntaxError(message: "expected ',' or '}' after an object member", offset: i)
                }
            } else {
                if c == UInt8(ascii: ",") {
                    i = JSONScan.skipWhitespace(p, n, i + 1)
                    guard i < n else { throw JSONScan.endOfInput(n) }
                    if p[i] == UInt8(ascii: "]") {
                        throw JSONSyntaxError(message: "trailing comma before ']'", offset: i)
                    }
                    expectValue = true
                } else if c == UInt8(ascii: "]") {
                    i += 1
                    pop()
                } else {
                    throw JSONSyntaxError(message: "expected ',' or ']' after an array element", offset: i)
                }
            }
        }
    }

    private mutating func push(isObject: Bool, at offset: Int) throws(JSONSyntaxError) {
        guard frames.count < JSONValidator.maximumDepth else {
            throw JSONSyntaxError(message: "nesting deeper than \(JSONValidator.maximumDepth) levels", offset: offset)
        }
        serial += 1
        frames.append(Frame(isObject: isObject, keysStart: keys.count, arenaMark: arena.count, serial: serial))
    }

    private mutating func pop() {
        let frame = frames.removeLast()
        if frame.isObject {
            keys.removeSubrange(frame.keysStart...)
            arena.removeSubrange(frame.arenaMark...)
        }
    }

    /// Reads `"key"` and the `:` after it, checks the key is new in its object, and leaves `i`
    /// just after the colon.
    private mutating func key(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, record: Bool,
                              members: inout [JSONMemberSpan]) throws(JSONSyntaxError) {
        guard p[i] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(message: "expected a string key in double quotes, found \(try JSONScan.found(p, n, i))",
                                  offset: i)
        }
        let quote = i
        var unused = 0
        let escaped = try JSONScan.string(p, n, &i, scalars: &unused)
        let range = (quote + 1)..<(i - 1)
        try remember(p, range, escaped: escaped, quoteOffset: quote)
        if record && frames.count == 1 {
            members.append(JSONMemberSpan(keyRange: range, keyHasEscapes: escaped, kind: .null,
                                          valueRange: i..<i, valueHasEscapes: false))
        }
        i = JSONScan.skipWhitespace(p, n, i)
        guard i < n else { throw JSONScan.endOfInput(n) }
        guard p[i] == UInt8(ascii: ":") else {
            throw JSONSyntaxError(message: "expected ':' after an object key", offset: i)
        }
        i += 1
    }

    /// Records a key of the innermost object, failing when the object already has it.
    /// Keys are compared after decoding escapes, so `"a"` and `"\u0061"` are the same key.
    private mutating func remember(_ p: UnsafePointer<UInt8>, _ range: Range<Int>, escaped: Bool,
                                   quoteOffset: Int) throws(JSONSyntaxError) {
        let frame = frames[frames.count - 1]
        var ref = KeyRef(start: range.lowerBound, count: range.count, inArena: false, next: -1)
        if escaped {
            let mark = arena.count
            JSONStringDecoder.appendDecoded(p, range, to: &arena)
            ref = KeyRef(start: mark, count: arena.count - mark, inArena: true, next: -1)
        }
        let existing = keys.count - frame.keysStart
        if existing < JSONValidator.linearKeyLimit {
            for k in frame.keysStart..<keys.count where same(keys[k], ref, p) {
                throw duplicate(ref, p, quoteOffset)
            }
        } else {
            if existing == JSONValidator.linearKeyLimit {
                for k in frame.keysStart..<keys.count {
                    let slot = IndexKey(serial: frame.serial, hash: hash(keys[k], p, frame.serial))
                    keys[k].next = index[slot] ?? -1
                    index[slot] = k
                }
            }
            let slot = IndexKey(serial: frame.serial, hash: hash(ref, p, frame.serial))
            var k = index[slot] ?? -1
            while k >= frame.keysStart && k < keys.count {
                if same(keys[k], ref, p) { throw duplicate(ref, p, quoteOffset) }
                k = keys[k].next
            }
            ref.next = index[slot] ?? -1
            index[slot] = keys.count
        }
        keys.append(ref)
    }

    private func withBytes<R>(_ ref: KeyRef, _ p: UnsafePointer<UInt8>,
                              _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if ref.inArena {
            return arena.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[ref.start..<(ref.start + ref.count)])) }
        }
        return body(UnsafeRawBufferPointer(start: p + ref.start, count: ref.count))
    }

    private func same(_ a: KeyRef, _ b: KeyRef, _ p: UnsafePointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return withBytes(a, p) { x in withBytes(b, p) { y in x.elementsEqual(y) } }
    }

    private func hash(_ ref: KeyRef, _ p: UnsafePointer<UInt8>, _ serial: Int) -> Int {
        withBytes(ref, p) { bytes in
            var hasher = Hasher()
            hasher.combine(serial)
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
    }

    private func duplicate(_ ref: KeyRef, _ p: UnsafePointer<UInt8>, _ offset: Int) -> JSONSyntaxError {
        let name = withBytes(ref, p) { String(decoding: $0, as: UTF8.self) }
        return JSONSyntaxError(message: "duplicate key \(JSONMessageText.quoted(name))", offset: offset)
    }
}
