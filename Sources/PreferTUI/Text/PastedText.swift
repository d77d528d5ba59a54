/// Pasted text made fit for a one-line field (note or search).
///
/// A paste arrives as one event (bracketed paste), so its line breaks never act as Enter;
/// here they become spaces, as do tabs (a field is one line, and a tab's width there would
/// depend on its column). CR LF counts as one break. Characters were filtered when they were
/// decoded, like typed ones.
public enum PastedText {
    public static func singleLine(_ text: String) -> String {
        var out = String()
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                out.append(" ")
                afterCR = true
                continue
            case "\n":
                if !afterCR { out.append(" ") }
            case "\t":
                out.append(" ")
            default:
                out.unicodeScalars.append(scalar)
            }
            afterCR = false
        }
        return out
    }
}
