/// The row above the key bar: the note or search being typed, else the last message, else
/// the note that will go with the next label or verdict.
enum StatusView {
    /// `notePrompt` or `searchPrompt` goes before the field that is open (each screen words
    /// its own).
    static func draw<State: ScreenState>(_ state: State, notePrompt: String, searchPrompt: String, in rect: Rect,
                                         into grid: inout CellGrid) {
        grid.fill(rect, with: .blank)
        if let (isNote, text) = state.mode.openField {
            put(isNote ? notePrompt : searchPrompt, field: text, rect: rect, grid: &grid)
        } else if let message = state.message {
            let style: TextStyle = message.isError ? [.bold, .reverse] : .bold
            let prefix = message.isError ? " ! " : " "
            grid.put(text: prefix + Sanitizer.singleLine(message.text) + " ", row: rect.y, col: rect.x,
                     maxWidth: rect.width, style: style)
        } else if let note = state.note {
            grid.put(text: " note: " + Sanitizer.singleLine(note), row: rect.y, col: rect.x, maxWidth: rect.width,
                     style: .plain)
        }
    }

    /// Shows a prompt and the typed text, keeping the end of a long entry in view (also the
    /// review screen's note and search fields).
    static func put(_ prompt: String, field: String, rect: Rect, grid: inout CellGrid) {
        let shown = Sanitizer.singleLine(field) + "▏"
        let room = max(1, rect.width - DisplayWidth.of(prompt) - 1)
        grid.put(text: " " + prompt, row: rect.y, col: rect.x, maxWidth: rect.width, style: .bold)
        grid.put(text: HeaderView.truncateLeft(shown, to: room), row: rect.y,
                 col: rect.x + 1 + DisplayWidth.of(prompt), maxWidth: room, style: .underline)
    }
}
