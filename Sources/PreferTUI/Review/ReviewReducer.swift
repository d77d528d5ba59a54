import PreferCore

/// The review screen's only state transition: pure, like the label screen's `Reducer`,
/// and fed the same `Action`s by the same runtime.
public enum ReviewReducer {
    public static func reduce(_ state: inout ReviewState, _ action: Action, now: Int64) -> [Effect] {
        switch action {
        case .command(let command):
            return perform(command, on: &state, now: now)
        case .insertText, .paste, .deleteBackward, .cancelInput, .dismiss, .loadFailed, .saveFailed,
             .sessionFileLost, .endRequested:
            return state.react(to: action)
        case .commitInput:
            return commitField(&state, now: now)
        case .resize(let cols, let rows):
            state.size = TerminalSize(cols: max(0, cols), rows: max(0, rows))
            clampScrolling(&state)
            return []
        case .taskLoaded(let task):
            guard task.index == state.item?.taskIndex else { return [] }
            state.current = task
            state.shownAt = now
            state.scroll = state.scroll.filter { $0.key == .guideline }
            if state.focus != .guideline { state.focus = .prompt }
            clampScrolling(&state)
            return []
        case .nothingLeft:
            // Only a batch router answers so; the review screen loads items by index.
            return []
        case .saved(let record):
            return confirm(record, in: &state, now: now)
        case .tick:
            if let expiry = state.message?.expiresAt, now >= expiry { state.message = nil }
            return []
        }
    }

    /// The item the screen opens on.
    public static func start(_ state: inout ReviewState) -> [Effect] {
        guard let item = state.item else { return [] }
        return [.loadTask(index: item.taskIndex)]
    }

    // MARK: - Commands

    private static func perform(_ command: Command, on state: inout ReviewState, now: Int64) -> [Effect] {
        if state.mode.isFailed { return [.quit(reason: .error)] }
        state.message = nil
        switch command {
        case .choose(let slot):
            return choose(slot: slot, in: &state, now: now)
        case .undo:
            guard let item = state.item, state.pendingRecord == nil, ScreenLayout.fits(state.size) else { return [] }
            guard item.verdict != nil else {
                state.message = .init("This item has no verdict of yours to retract.")
                return []
            }
            return state.save(.undo(task: item.task))
        case .startNote:
            guard let item = state.item else { return [] }
            state.mode = .editingNote(state.note ?? item.verdict?.note ?? "")
            state.fieldWasCut = false
            return []
        case .nextItem, .previousItem:
            guard !state.items.isEmpty, state.pendingRecord == nil else { return [] }
            let target = state.position + (command == .nextItem ? 1 : -1)
            guard state.items.indices.contains(target) else {
                state.message = .init(command == .nextItem ? "This is the last item of the queue (p goes back)."
                                      : "This is the first item of the queue (n goes on).")
                return []
            }
            return move(to: target, in: &state)
        case .cycleFocus, .cycleFocusBackward, .toggleHelp, .quit:
            return state.react(to: command)
        case .scrollLines, .scrollPages, .scrollToTop, .scrollToBottom:
            scroll(&state, by: command)
            return []
        case .toggleGuideline:
            state.guidelineVisible.toggle()
            state.focus = state.guidelineVisible ? .guideline : .prompt
            return []
        case .startSearch:
            state.mode = .searching("")
            state.fieldWasCut = false
            return []
        case .skip:
            return []
        }
    }

    private static func choose(slot: Int, in state: inout ReviewState, now: Int64) -> [Effect] {
        guard let task = state.current, task.index == state.item?.taskIndex, state.pendingRecord == nil,
              ScreenLayout.fits(state.size) else { return [] }
        if now - state.shownAt < Int64(state.config.choiceGuardMs) {
            state.message = .init("Too soon: that key came as the item appeared. Read it, then choose again.",
                                  isError: true)
            return []
        }
        if state.guidelineVisible {
            state.message = .init("The guideline covers the item: press g to close it, then choose.", isError: true)
            return []
        }
        guard let choice = ChoiceSlots.canonicalChoice(slot: slot, scale: state.config.scale, leftIsA: true)
        else { return [] }
        return state.save(.adjudication(AdjudicationInfo(task: task.id, taskSHA256: task.sha256, choice: choice,
                                                         note: state.note)))
    }

    // MARK: - Confirmed records

    private static func confirm(_ record: SessionEventBody, in state: inout ReviewState, now: Int64) -> [Effect] {
        guard state.pendingRecord == record else { return [] }
        state.pendingRecord = nil
        switch record {
        case .adjudication(let info):
            guard let index = state.items.firstIndex(where: { $0.task == info.task }) else { return [.flushInput] }
            state.items[index].verdict = ReviewVerdict(choice: info.choice, note: info.note)
            state.verdictsThisSitting += 1
            state.note = nil
            let saved = "Saved: verdict \(info.choice) on \(info.task)."
            guard let next = nextPosition(after: state.position, in: state.items, where: { $0.verdict == nil }) else {
                state.message = .init(saved + " Every item of the queue has a verdict (q quits).")
                return [.flushInput]
            }
            state.message = .init(saved, expiresAt: now + AppState.StatusMessage.confirmationMs)
            return move(to: next, in: &state) + [.flushInput]
        case .undo(let task, _):
            if let index = state.items.firstIndex(where: { $0.task == task }) { state.items[index].verdict = nil }
            state.message = .init("Verdict retracted: this item has none now.")
            return []
        case .label, .skip, .shown, .sessionStart, .sessionEnd:
            return []
        }
    }

    /// The first position after `position` (wrapping round; `position` itself last when
    /// `including`) whose item passes `test`.
    private static func nextPosition(after position: Int, in items: [ReviewItem], including: Bool = false,
                                     where test: (ReviewItem) -> Bool) -> Int? {
        let count = items.count
        guard count > 0 else { return nil }
        for step in 1...count where step < count || including {
            let candidate = (position + step) % count
            if test(items[candidate]) { return candidate }
        }
        return nil
    }

    private static func move(to position: Int, in state: inout ReviewState) -> [Effect] {
        state.position = position
        state.current = nil
        state.note = nil
        state.mode = .reviewing
        return [.loadTask(index: state.items[position].taskIndex)]
    }

    // MARK: - Scrolling

    private static func scroll(_ state: inout ReviewState, by command: Command) {
        let pane = state.focus
        guard let m = ReviewLayout.metrics(for: state)[pane],
              let target = command.scrollTarget(from: state.offset(of: pane), viewHeight: m.viewHeight) else { return }
        state.scroll[pane] = min(max(0, target), m.maxOffset)
    }

    static func clampScrolling(_ state: inout ReviewState) {
        for (pane, m) in ReviewLayout.metrics(for: state) {
            state.scroll[pane] = min(state.offset(of: pane), m.maxOffset)
        }
    }

    // MARK: - One-line fields

    private static func commitField(_ state: inout ReviewState, now: Int64) -> [Effect] {
        switch state.mode {
        case .editingNote(let text):
            // As in label: the Enter may end an unbracketed paste; verdicts wait out the guard.
            state.shownAt = now
            return state.keepNote(text, saying: "Note kept; it is saved with your verdict.")
        case .searching(let text):
            state.mode = .reviewing
            let query = state.takeSearchQuery(text)
            return find(query, in: &state)
        default:
            state.mode = .reviewing
            return []
        }
    }

    /// Moves to the next item after this one (wrapping) whose task id, a rater's note or the
    /// verdict's note contains `query`, ignoring case.
    private static func find(_ query: String, in state: inout ReviewState) -> [Effect] {
        let needle = query.lowercased()
        guard !needle.allSatisfy(\.isWhitespace), !state.items.isEmpty else { return [] }
        let count = state.items.count
        func matches(_ item: ReviewItem) -> Bool {
            ([item.task] + item.votes.compactMap(\.note) + [item.verdict?.note].compactMap { $0 })
                .contains { $0.lowercased().contains(needle) }
        }
        guard let hit = nextPosition(after: state.position, in: state.items, including: true, where: matches) else {
            state.message = .init("No item matches: \(query)", isError: true)
            return []
        }
        state.message = .init("Match: item \(hit + 1) of \(count) (/ then Enter finds the next)")
        return hit == state.position ? [] : move(to: hit, in: &state)
    }
}
