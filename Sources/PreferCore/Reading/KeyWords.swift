/// Key prefixes as little-endian words, for telling keys apart with one load.
enum KeyWords {
    static let at = word16("at"), ms = word16("ms"), ce = word16("ce")
    static let type = word32("type"), task = word32("task"), left = word32("left"), note = word32("note")
    static let rate = word32("rate"), scal = word32("scal"), choi = word32("choi")

    private static func word16(_ text: StaticString) -> UInt16 {
        UInt16(text.utf8Start[0]) | UInt16(text.utf8Start[1]) << 8
    }

    private static func word32(_ text: StaticString) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(text.utf8Start[$1]) << (8 * UInt32($1)) }
    }
}
