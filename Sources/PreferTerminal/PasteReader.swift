import CNcursesw
import PreferTUI

/// Collects the characters of one bracketed paste (`ESC[200~ … ESC[201~`) as ncurses hands
/// them over, filtered like typed keys.
struct PasteReader {
    /// Key codes `define_key` gives the paste markers; above KEY_MAX, where ncurses keeps
    /// codes for applications.
    static let startCode: Int32 = 0x1200
    static let endCode: Int32 = 0x1201
    /// A paste whose bytes stop for this long without its end marker is taken as ended.
    static let silenceMs = 100
    static let silencesBeforeGivingUp = 5
    /// Characters kept from one paste; the rest is read and dropped (a note holds far fewer,
    /// and the field says when a paste was cut).
    static let characterLimit = 100_000

    private(set) var text = ""
    private(set) var count = 0
    private var silences = 0

    /// Teaches ncurses the two markers (terminfo names them PS/PE but not as keys).
    static func register() {
        define_key("\u{1b}[200~", startCode)
        define_key("\u{1b}[201~", endCode)
    }

    /// Adds one character `wget_wch` returned: line breaks and tabs kept for the field to
    /// turn into spaces, other controls and invisible characters dropped as when typed.
    mutating func append(character code: UInt32) {
        silences = 0
        guard count < Self.characterLimit else { return }
        let kept: Character?
        switch code {
        case 9: kept = "\t"
        case 10: kept = "\n"
        case 13: kept = "\r"
        default:
            if case .character(let c) = KeyDecoder.character(code) { kept = c } else { kept = nil }
        }
        guard let kept else { return }
        text.append(kept)
        count += 1
    }

    /// Records a read that timed out; true once the paste has been silent long enough.
    mutating func noteSilence() -> Bool {
        silences += 1
        return silences >= Self.silencesBeforeGivingUp
    }
}
