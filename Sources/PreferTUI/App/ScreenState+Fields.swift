import Foundation

/// Typing into the one-line note and search fields, keeping a note and taking the query of
/// a search: the same on the label and the review screen.
extension ScreenState {
    /// Applies a typing action (`insertText`, `paste`, `deleteBackward`) to the open field.
    mutating func type(_ action: Action) {
        switch action {
        case .insertText(let character):
            // A field already cut at its limit takes no more (checked first: a paste the
            // terminal did not bracket arrives as a million of these).
            if fieldWasCut { return }
            editField { $0.append(character) }
        case .paste(let text):
            editField { $0.append(PastedText.singleLine(text)) }
        case .deleteBackward:
            fieldWasCut = false
            editField { if !$0.isEmpty { $0.removeLast() } }
        default:
            break
        }
    }

    private mutating func editField(_ edit: (inout String) -> Void) {
        guard var (isNote, text) = mode.openField else { return }
        edit(&text)
        let limit = isNote ? AppState.noteLimit : AppState.searchLimit
        let limited = OneLineField.limited(text, to: limit, wasCut: &fieldWasCut)
        mode = isNote ? .editingNote(limited) : .searching(limited)
    }

    /// The query an Enter in the search field runs: what was typed, or the last search again
    /// when nothing was; it becomes the last search.
    mutating func takeSearchQuery(_ text: String) -> String {
        fieldWasCut = false
        let query = text.isEmpty ? (lastSearch ?? "") : text
        lastSearch = query.isEmpty ? nil : query
        return query
    }

    /// Closes the note field on Enter, keeping its text trimmed (none when blank) and saying so;
    /// the keys queued behind the Enter (maybe the rest of an unbracketed paste) are dropped.
    mutating func keepNote(_ text: String, saying kept: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        note = trimmed.isEmpty ? nil : trimmed
        message = .init(trimmed.isEmpty ? "Note cleared." : kept)
        fieldWasCut = false
        mode = restingMode
        return [.flushInput]
    }
}
