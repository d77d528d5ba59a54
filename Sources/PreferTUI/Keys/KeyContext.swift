/// Which set of key bindings applies; derived from the state, never stored.
public enum KeyContext: Sendable, Equatable {
    case labeling
    /// A one-line field (note or search) has the keyboard.
    case textInput
    case help
    case done
    case failed
    /// Below the minimum size: only quitting works, so nothing is labeled unseen.
    case tooSmall
}
