import PreferCore

/// The one sanitizer on every path to the terminal: task text, guideline, notes, file
/// names, error messages and report tables all pass through it.
///
/// Every character `HiddenCharacters.isHidden` names (C0 and C1 controls, ESC, DEL, bidi
/// embeddings, overrides and isolates, zero-width and other format characters) becomes a
/// visible placeholder — a control picture such as `␛` for C0 and DEL, `⟨U+202E⟩` for
/// the rest — so escape sequences show inert (`␛[2J`), `\r` and `\b` cannot overwrite
/// text, and Trojan Source reordering cannot happen. Two legitimate uses are let through
/// silently: a ZWJ between two emoji and a variation selector after an emoji are dropped,
/// splitting the sequence into separate emoji, because glibc and tmux disagree on the
/// width of joined sequences and a disagreement corrupts every following cell.
public enum Sanitizer {
    /// Whether line breaks and tabs survive.
    public enum Mode: Sendable, Hashable {
        /// `\n` and `\r\n` are line breaks and `\t` is a tab (for laid-out text).
        case multiLine
        /// `\n` and `\t` are placeholders too (for headers, error messages, table cells).
        case singleLine
    }

    /// Combining marks kept per glyph: ncurses stores a spacing character and at most four
    /// more in one cell (`CCHARW_MAX` is 5); the surplus is dropped and counted as hidden.
    static let maxCombiningMarks = 4

    /// Turns untrusted text into glyphs that are safe to draw.
    public static func sanitize(_ untrusted: String, mode: Mode = .multiLine) -> SanitizedText {
        var builder = GlyphBuilder(mode: mode)
        let scalars = Array(untrusted.unicodeScalars)
        builder.glyphs.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            builder.add(scalars[index], next: next)
            index += 1
        }
        return SanitizedText(glyphs: builder.glyphs, hiddenCount: builder.hiddenCount)
    }

    /// Untrusted text as one safe line: every control, newline and tab included, is a
    /// placeholder; for headers, file names and error messages.
    public static func singleLine(_ untrusted: String) -> String {
        sanitize(untrusted, mode: .singleLine).string
    }

    /// How many hidden characters `untrusted` holds (the `hidden chars: N` badge).
    public static func hiddenCount(in untrusted: String) -> Int {
        sanitize(untrusted).hiddenCount
    }

    /// The visible stand-in for a hidden scalar: a control picture (`␛`, `␍`, `␡`) for C0
    /// controls and DEL, otherwise its code point in angle brackets (`⟨U+202E⟩`).
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20, let picture = Unicode.Scalar(0x2400 + value) {
            return String(Character(picture))
        }
        if value == 0x7F { return "\u{2421}" }
        var hex = String(value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        return "\u{27E8}U+\(hex)\u{27E9}"
    }
}

/// Accumulates glyphs scalar by scalar; the state says which glyph a following zero-width
/// mark, regional indicator or emoji modifier belongs to.
private struct GlyphBuilder {
    let mode: Sanitizer.Mode
    var glyphs: [Glyph] = []
    var hiddenCount = 0
    /// The index of the text glyph that may still take combining marks.
    var open: Int?
    var openMarks = 0
    var openIsLoneRegionalIndicator = false
    var openIsEmoji = false

    init(mode: Sanitizer.Mode) { self.mode = mode }

    mutating func add(_ scalar: Unicode.Scalar, next: Unicode.Scalar?) {
        let value = scalar.value
        switch value {
        case 0x0A, 0x09:
            if mode == .multiLine {
                close()
                glyphs.append(value == 0x0A ? .newline : .tab)
            } else {
                // A line break or a tab is shown as ␊ or ␉ but is no hidden character.
                appendPlaceholder(for: scalar, counted: false)
            }
            return
        case 0x0D where next == "\n":
            // The CR of a CRLF line ending belongs to the line break: not hidden.
            if mode == .singleLine { appendPlaceholder(for: scalar, counted: false) }
            return
        case 0x200D where openIsEmoji && next.map(DisplayWidth.isEmojiBase) == true:
            // ZWJ inside an emoji sequence: dropped, so the parts become separate glyphs.
            close()
            return
        case 0xFE0E, 0xFE0F:
            if openIsEmoji { return }
        default:
            break
        }
        if HiddenCharacters.isHidden(scalar) {
            appendPlaceholder(for: scalar, counted: true)
            return
        }
        let width = DisplayWidth.of(scalar)
        if width == 0 {
            appendMark(scalar)
        } else if openIsLoneRegionalIndicator, let index = open, DisplayWidth.isRegionalIndicator(scalar) {
            // The second half of a flag joins the first: one glyph two columns wide.
            glyphs[index].text.unicodeScalars.append(scalar)
            glyphs[index].width += width
            openIsLoneRegionalIndicator = false
        } else {
            open = glyphs.count
            glyphs.append(Glyph(String(Character(scalar)), width: width))
            openMarks = 0
            openIsLoneRegionalIndicator = DisplayWidth.isRegionalIndicator(scalar)
            openIsEmoji = DisplayWidth.isEmojiBase(scalar)
        }
    }

    /// Attaches a zero-width mark to the open glyph; a mark with nothing to sit on gets a
    /// space as its base so it still occupies a cell of its own.
    private mutating func appendMark(_ scalar: Unicode.Scalar) {
        if let index = open {
            if openMarks < Sanitizer.maxCombiningMarks {
                glyphs[index].text.unicodeScalars.append(scalar)
                openMarks += 1
            } else {
                hiddenCount += 1
            }
            return
        }
        var text = " "
        text.unicodeScalars.append(scalar)
        open = glyphs.count
        glyphs.append(Glyph(text, width: 1))
        openMarks = 1
        openIsLoneRegionalIndicator = false
        openIsEmoji = false
    }

    private mutating func appendPlaceholder(for scalar: Unicode.Scalar, counted: Bool) {
        close()
        if counted { hiddenCount += 1 }
        for character in Sanitizer.placeholder(for: scalar) {
            glyphs.append(Glyph(String(character), width: 1, kind: .placeholder))
        }
    }

    private mutating func close() {
        open = nil
        openMarks = 0
        openIsLoneRegionalIndicator = false
        openIsEmoji = false
    }
}
