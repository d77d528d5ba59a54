import PreferCore

/// How many terminal columns text occupies — the one width function every layout and the
/// cell grid use, so wrapping, clipping and ncurses never disagree about a column.
///
/// A scalar is 0 columns (combining and enclosing marks, Hangul medial vowels and final
/// consonants, invisible format characters), 2 columns (East Asian Wide and Fullwidth as
/// glibc measures them, and emoji with default emoji presentation) or 1 column. Regional
/// indicators are 1 column each, so a flag (a pair) is 2, as in glibc and tmux.
public enum DisplayWidth {
    /// The column width of one scalar: 0, 1 or 2; control and hidden characters are 0
    /// because they are never drawn as themselves (the sanitizer replaces them).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII and Latin-1 letters are the common case: no table look-up.
        if value >= 0x20 && value < 0x7F { return 1 }
        if HiddenCharacters.isHidden(scalar) { return 0 }
        if value < 0x0300 { return 1 }
        // Hangul Jamo medial vowels and final consonants join the preceding initial
        // consonant into one syllable block (glibc gives them 0, and so must we).
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        default:
            break
        }
        if WideCharacterTable.contains(value) { return 2 }
        if isRegionalIndicator(scalar) { return 1 }
        // Emoji newer than the glibc table (Swift's Unicode data is newer than glibc 2.36).
        if value >= 0x1F000 && properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The column width of one grapheme: the sum of its scalars' widths, which is what
    /// ncurses and tmux advance the cursor by.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// The column width of already sanitized text (hidden characters count 0 here; after
    /// `Sanitizer` they are placeholders and are measured as such).
    public static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for scalar in string.unicodeScalars { total += of(scalar) }
        return total
    }

    /// True for the 26 regional indicator symbols that pair up into flags.
    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// True for a scalar that can take part in an emoji ZWJ sequence or carry an emoji
    /// variation selector: pictographs and skin-tone modifiers, not digits, `#` or `*`
    /// (which are Emoji=Yes only for keycaps) and not regional indicators.
    static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0xFF && !isRegionalIndicator(scalar) && scalar.properties.isEmoji
    }
}
