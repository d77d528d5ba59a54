/// What a scroll or focus command does to a screen's panes: the same on the label and the
/// review screen, which each clamp the result to their own layout.
extension Command {
    /// Where a scroll command moves a pane at `offset` showing `viewHeight` lines (before the
    /// screen clamps it); nil for a command that does not scroll.
    func scrollTarget(from offset: Int, viewHeight: Int) -> Int? {
        switch self {
        case .scrollLines(let lines): offset + lines
        case .scrollPages(let pages): offset + pages * max(1, viewHeight - 1)
        case .scrollToTop: 0
        case .scrollToBottom: Int.max / 2
        default: nil
        }
    }

    /// The pane focus moves to from `focus`: the next of `panes` (round) on `cycleFocus`,
    /// the one before on `cycleFocusBackward`.
    func focus<P: Equatable>(after focus: P, among panes: [P]) -> P {
        let position = panes.firstIndex(of: focus) ?? 0
        let step = self == .cycleFocus ? 1 : panes.count - 1
        return panes[(position + step) % panes.count]
    }
}
