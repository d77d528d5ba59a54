import PreferCore

/// The labeling screen's only state transition: pure, so every behaviour can be tested by
/// feeding actions and reading the state and the effects back.
public enum Reducer {
    /// Applies `action` at clock time `now` (milliseconds) and returns the effects to perform.
    public static func reduce(_ state: inout AppState, _ action: Action, now: Int64) -> [Effect] {
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
            // Narrowed below the side-by-side width, an open guideline now covers the task.
            if state.guidelineCoversTask { state.focus = .guideline }
            clampScrolling(&state, ScreenLayout.frame(for: state))
            return []
        case .taskLoaded(let task):
            state.batchProgress = nil
            show(task, in: &state, now: now)
            // A batch task is claimed (one write, fsync) before it is drawn: the runtime
            // draws only once this effect is done, and no choice can be made meanwhile.
            guard state.config.routed else { return [] }
            return state.save(.shown(ShownInfo(task: task.id, taskSHA256: task.sha256, left: task.leftSide,
                                               isRepeat: task.isRepeat)))
        case .nothingLeft(let progress):
            state.current = nil
            state.note = nil
            state.batchProgress = progress
            state.nothingLeftAt = now
            if !state.mode.isFailed { state.mode = .done }
            return []
        case .saved(let record):
            return confirm(record, in: &state, now: now)
        case .tick:
            if let expiry = state.message?.expiresAt, now >= expiry { state.message = nil }
            // A batch rater at "nothing left" waits for a claim to expire or a label to be
            // undone elsewhere: the router is asked again now and then.
            if state.config.routed, state.mode == .done, state.batchProgress != nil, state.pendingRecord == nil,
               now - state.nothingLeftAt >= AppState.routeRecheckMs {
                state.nothingLeftAt = now
                return [.loadNext]
            }
            return []
        }
    }

    // MARK: - Commands

    private static func perform(_ command: Command, on state: inout AppState, now: Int64) -> [Effect] {
        if state.mode.isFailed { return [.quit(reason: .error)] }
        // A message answers the key before this one; a new key makes it stale.
        state.message = nil
        switch command {
        case .choose(let slot):
            return choose(slot: slot, in: &state, now: now)
        case .skip:
            guard let task = state.current, state.pendingRecord == nil, fits(state) else { return [] }
            return state.save(.skip(task: task.id))
        case .undo:
            guard state.pendingRecord == nil, fits(state) else { return [] }
            guard let last = state.history.last else {
                state.message = .init("Nothing to undo in this sitting.")
                return []
            }
            switch last.kind {
            case .label:
                return state.save(.undo(task: last.task, isRepeat: last.isRepeat))
            case .skip:
                // A skip changes no label, so there is nothing to retract on disk: the
                // skipped task simply comes back (its skip line stays, as what happened).
                state.history.removeLast()
                state.skippedThisSitting = max(0, state.skippedThisSitting - 1)
                state.message = .init("Skip undone: this task is back.")
                return goBack(to: last, in: &state)
            }
        case .startNote:
            guard state.current != nil else { return [] }
            state.mode = .editingNote(state.note ?? "")
            state.fieldWasCut = false
            return []
        case .cycleFocus, .cycleFocusBackward, .toggleHelp, .quit:
            return state.react(to: command)
        case .scrollLines, .scrollPages, .scrollToTop, .scrollToBottom:
            scroll(&state, by: command)
            return []
        case .toggleGuideline:
            state.guidelineVisible.toggle()
            state.focus = state.guidelineVisible ? .guideline
                : (state.focus == .guideline ? firstScrollablePane(ScreenLayout.frame(for: state)) : state.focus)
            return []
        case .startSearch:
            state.guidelineVisible = true
            state.focus = .guideline
            state.mode = .searching("")
            state.fieldWasCut = false
            return []
        case .nextItem, .previousItem:
            // Review-screen commands: the labeling key table binds no key to them.
            return []
        }
    }

    private static func fits(_ state: AppState) -> Bool { ScreenLayout.fits(state.size) }

    private static func choose(slot: Int, in state: inout AppState, now: Int64) -> [Effect] {
        guard let task = state.current, state.pendingRecord == nil, fits(state) else { return [] }
        // A key that arrives before the rater can have seen the task is type-ahead or a held key.
        if now - max(state.shownAt, state.choiceGuardFrom) < Int64(state.config.choiceGuardMs) {
            let cause = state.choiceGuardFrom > state.shownAt ? "as the note closed" : "as the task appeared"
            state.message = .init("Too soon: that key came \(cause). Read it, then choose again.",
                                  isError: true)
            return []
        }
        // A choice is made only while both responses can be seen.
        if state.guidelineCoversTask {
            state.message = .init("The guideline covers the responses: press g to close it, then choose.",
                                  isError: true)
            return []
        }
        if state.config.requireRead && !state.readToEnd.isSuperset(of: [.prompt, .response1, .response2]) {
            let unread = [Pane.prompt, .response1, .response2].filter { !state.readToEnd.contains($0) }
            state.message = .init("Read to the end first: " + unread.map(\.title).joined(separator: ", ")
                                  + " (Tab to it, then Space or End).", isError: true)
            return []
        }
        guard let choice = ChoiceSlots.canonicalChoice(slot: slot, scale: state.config.scale,
                                                       leftIsA: task.leftIsA) else { return [] }
        let ms = Int(max(0, now - state.shownAt))
        return state.save(.label(LabelInfo(task: task.id, taskSHA256: task.sha256, choice: choice, left: task.leftSide,
                                           ms: ms, note: state.note, isRepeat: task.isRepeat)))
    }

    // MARK: - Confirmed records

    private static func confirm(_ record: SessionEventBody, in state: inout AppState, now: Int64) -> [Effect] {
        guard state.pendingRecord == record else { return [] }
        state.pendingRecord = nil
        switch record {
        case .label(let info):
            let ms = info.ms
            if let task = state.current {
                state.history.append(.init(index: task.index, task: task.id, kind: .label(note: info.note),
                                           isRepeat: task.isRepeat))
            }
            state.labeledCount += 1
            state.labeledThisSitting += 1
            state.labelingMsThisSitting += ms
            state.message = .init("Saved.", expiresAt: now + AppState.StatusMessage.confirmationMs)
            return advance(&state)
        case .skip:
            if let task = state.current {
                state.history.append(.init(index: task.index, task: task.id, kind: .skip, isRepeat: task.isRepeat))
            }
            state.skippedThisSitting += 1
            state.message = .init("Skipped.", expiresAt: now + AppState.StatusMessage.confirmationMs)
            return advance(&state)
        case .undo:
            guard let last = state.history.popLast() else { return [] }
            state.labeledCount = max(0, state.labeledCount - 1)
            state.labeledThisSitting = max(0, state.labeledThisSitting - 1)
            if case .label(let note?) = last.kind {
                state.retractedNote = .init(index: last.index, note: note)
                state.message = .init("Undone: label again. Your note is kept (n to change it).")
            } else {
                state.message = .init("Undone: label again.")
            }
            return goBack(to: last, in: &state)
        case .shown:
            return []
        case .sessionStart, .sessionEnd, .adjudication:
            return []
        }
    }

    /// Puts the task on screen back in front of the queue and loads the entry's task
    /// instead (as the repeat it was, for a batch repeat). A batch sitting has no queue: the
    /// task put aside is simply still wanted, and the router offers it again.
    private static func goBack(to entry: AppState.HistoryEntry, in state: inout AppState) -> [Effect] {
        if let current = state.current, !state.config.routed { state.queue.insert(current.index, at: 0) }
        setAside(&state)
        state.note = nil
        state.mode = .labeling
        return [entry.isRepeat ? .loadRepeat(index: entry.index) : .loadTask(index: entry.index), .flushInput]
    }

    private static func advance(_ state: inout AppState) -> [Effect] {
        state.note = nil
        setAside(&state)
        if state.config.routed { return [.loadNext, .flushInput] }
        guard !state.queue.isEmpty else {
            state.mode = .done
            return [.flushInput]
        }
        let next = state.queue.removeFirst()
        return [.loadTask(index: next), .flushInput]
    }

    /// Takes the current task off the screen, keeping it among the recent tasks so that
    /// coming back to it (undo, then the task after it again) finds its lines laid out.
    private static func setAside(_ state: inout AppState) {
        guard let current = state.current else { return }
        state.recentTasks.removeAll { $0.index == current.index }
        state.recentTasks.append(current)
        if state.recentTasks.count > AppState.recentTaskLimit { state.recentTasks.removeFirst() }
        state.current = nil
    }

    private static func show(_ task: LoadedTask, in state: inout AppState, now: Int64) {
        // The same task read again is the one set aside, with its layouts (equal by content).
        state.current = state.recentTasks.first { $0.index == task.index && $0 == task } ?? task
        state.shownAt = now
        state.note = state.retractedNote?.index == task.index ? state.retractedNote?.note : nil
        state.retractedNote = nil
        state.readToEnd = []
        state.scroll = state.scroll.filter { $0.key == .guideline }
        if state.mode == .done { state.mode = .labeling }
        // A conversation's panes open at the judged reply; the earlier turns are above it.
        let frame = ScreenLayout.frame(for: state)
        for pane in [Pane.response1, .response2] {
            if let line = frame.metrics[pane]?.content.openingLine, line > 0 { state.scroll[pane] = line }
        }
        clampScrolling(&state, frame)
        if state.focus != .guideline { state.focus = firstScrollablePane(frame) }
    }

    /// Where focus starts on a task: the first of prompt, Response 1, Response 2 that has
    /// more than fits, so Space and j act at once (the prompt when nothing needs scrolling).
    static func firstScrollablePane(_ frame: ScreenLayout.Frame) -> Pane {
        [Pane.prompt, .response1, .response2].first { frame.metrics[$0]?.scrolls == true } ?? .prompt
    }

    // MARK: - Scrolling

    /// Scrolls the focused pane; the metrics lay out only up to the line past the new view
    /// (`End` lays out all of it, to know where the end is).
    private static func scroll(_ state: inout AppState, by command: Command) {
        let pane = state.focus
        let frame = ScreenLayout.frame(for: state)
        guard let m = frame.metrics[pane],
              let target = command.scrollTarget(from: state.offset(of: pane), viewHeight: m.viewHeight) else { return }
        state.scroll[pane] = m.clamp(target)
        noteReading(&state, frame)
    }

    /// Keeps offsets valid after a resize or a new task, and records which of the prompt and
    /// responses have been seen to the end (a pane whose text fits counts as read).
    static func clampScrolling(_ state: inout AppState, _ frame: ScreenLayout.Frame) {
        for (pane, m) in frame.metrics {
            state.scroll[pane] = m.clamp(state.offset(of: pane))
        }
        noteReading(&state, frame)
    }

    private static func noteReading(_ state: inout AppState, _ frame: ScreenLayout.Frame) {
        guard !state.guidelineCoversTask else { return }
        for pane in [Pane.prompt, .response1, .response2] {
            if let m = frame.metrics[pane], m.viewHeight > 0, m.isAtEnd(state.offset(of: pane)) {
                state.readToEnd.insert(pane)
            }
        }
    }

    // MARK: - One-line fields

    private static func commitField(_ state: inout AppState, now: Int64) -> [Effect] {
        switch state.mode {
        case .editingNote(let text):
            // Choices wait out the guard again: the Enter may end an unbracketed paste.
            state.choiceGuardFrom = now
            return state.keepNote(text, saying: state.fieldWasCut
                ? "Note kept, cut at its limit of \(AppState.noteLimit) characters; it is saved with your choice."
                : "Note kept; it is saved with your choice.")
        case .searching(let text):
            let query = state.takeSearchQuery(text)
            findInGuideline(query, in: &state, continuing: text.isEmpty)
        default:
            break
        }
        state.mode = state.restingMode
        return []
    }

    private static func findInGuideline(_ query: String, in state: inout AppState, continuing: Bool) {
        guard !query.isEmpty else { return }
        let frame = ScreenLayout.frame(for: state)
        let hits = ScreenLayout.guidelineMatches(query, in: frame)
        let after = continuing ? (state.searchHit ?? -1) : state.offset(of: .guideline) - 1
        guard let hit = hits.first(where: { $0 > after }) ?? hits.first else {
            state.searchHit = nil
            state.message = .init("Not found in the guideline: \(query)", isError: true)
            return
        }
        state.searchHit = hit
        state.focus = .guideline
        state.scroll[.guideline] = frame.metrics[.guideline]?.clamp(hit) ?? hit
        state.message = .init("Match \((hits.firstIndex(of: hit) ?? 0) + 1) of \(hits.count) for \(query)")
    }
}
