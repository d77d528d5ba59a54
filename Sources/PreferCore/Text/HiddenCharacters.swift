/// The one definition of "a character that must never reach a terminal or a file unescaped".
///
/// Both the JSON writer (cat-safe `\uXXXX` escapes) and the terminal sanitizer ask this, so
/// a file that is safe to `cat` and a screen that shows placeholders agree on what is hidden.
public enum HiddenCharacters {
    /// True for C0 controls, DEL, C1 controls, and invisible format characters: Unicode
    /// general category Cf (bidi embeddings, overrides and isolates, zero-width space and
    /// joiners, BOM, tag characters, soft hyphen, …) and the line/paragraph separators
    /// U+2028/U+2029, which some terminals and editors treat as line breaks.
    @inlinable
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x7F { return false }
        if v >= 0x80 && v <= 0x9F { return true }
        if v == 0x2028 || v == 0x2029 { return true }
        if v < 0xAD { return false }
        return scalar.properties.generalCategory == .format
    }
}
