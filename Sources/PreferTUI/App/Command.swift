/// A labeling-screen command bound to keys by the `KeyMap`.
public enum Command: Sendable, Hashable {
    /// Pick the choice at this position of the scale, left to right in screen terms
    /// (pairwise: 0 = left better, 1 = right better, 2 = tie, 3 = both bad; likert5: 0…4 the
    /// five values, 5 = both bad).
    case choose(slot: Int)
    case undo
    case skip
    case startNote
    case cycleFocus
    case cycleFocusBackward
    case scrollLines(Int)
    case scrollPages(Int)
    case scrollToTop
    case scrollToBottom
    case toggleGuideline
    case startSearch
    case toggleHelp
    /// The review screen: the next or previous contested item of the queue.
    case nextItem
    case previousItem
    case quit
}
