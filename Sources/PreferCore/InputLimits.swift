/// Limits every reader of the project's line-oriented files shares (SPEC §4: "a line longer
/// than the task line limit is an error").
public enum InputLimits {
    /// The longest line, in bytes without its `\n`, that a task, gold or session file may
    /// hold: 16 MiB, a thousand times a long MT-Bench answer. A file without newlines (or a
    /// device planted in a folder) is refused once this much is read, so it cannot grow memory.
    public static let lineBytes = 16 << 20

    /// `lineBytes` in words, for messages.
    public static var lineBytesText: String { "\(lineBytes >> 20) MiB" }
}
