import PreferCore

/// The reactions the label and the review screen share: typing, closing a field, the
/// failures that end a sitting, an asked-for end, and the focus, help and quit commands.
/// Each reducer names these cases in its own (exhaustive) switch and hands them here.
extension ScreenState {
    mutating func react(to action: Action) -> [Effect] {
        switch action {
        case .insertText, .paste, .deleteBackward:
            type(action)
        case .cancelInput, .dismiss:
            if mode.isFailed { return [] }
            fieldWasCut = false
            mode = restingMode
        case .loadFailed(let reason):
            mode = .failed("Could not show \(Self.nextShown): \(reason). Your \(Self.records) so far are saved. "
                + "Press any key to end the sitting.")
        case .saveFailed(let reason):
            pendingRecord = nil
            mode = .failed("Could not save: \(reason). Your earlier \(Self.records) are safe; "
                + "this one was not recorded. Press any key to end the sitting.")
        case .sessionFileLost(let reason):
            pendingRecord = nil
            // An earlier "Saved." no longer holds: that record went into the file that is gone.
            message = nil
            mode = .failed("Not saved: \(reason). Press any key to end the sitting.")
        case .endRequested(let reason):
            return [.quit(reason: reason)]
        case .command, .commitInput, .resize, .taskLoaded, .nothingLeft, .saved, .tick:
            break // each screen's own
        }
        return []
    }

    mutating func react(to command: Command) -> [Effect] {
        switch command {
        case .cycleFocus, .cycleFocusBackward:
            focus = command.focus(after: focus, among: focusablePanes)
        case .toggleHelp:
            mode = mode == .help ? restingMode : .help
        case .quit:
            return [.quit(reason: .quit)]
        default:
            break // each screen's own
        }
        return []
    }

    /// Asks the runtime to write `record`; the screen waits for its `.saved` (or its failure)
    /// and asks for no other record meanwhile.
    mutating func save(_ record: SessionEventBody) -> [Effect] {
        pendingRecord = record
        return [.record(record)]
    }
}
