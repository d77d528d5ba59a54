import Crypto

/// Which canonical response a rater sees on the left for a task (SPEC §7): fixed per
/// (rater, task), the same on every machine and in every version, and about half the time A.
public enum LeftSide {
    /// True when response A goes on the left: the first byte of
    /// SHA-256(`rater` + U+0000 + `task`) is even. Never change this: resumed sittings and
    /// position-bias statistics depend on it staying the same.
    public static func leftIsA(rater: String, task: String) -> Bool {
        var input = Array(rater.utf8)
        input.append(0)
        input.append(contentsOf: task.utf8)
        let digest = SHA256.hash(data: input)
        let first = digest.withUnsafeBytes { $0[0] }
        return first & 1 == 0
    }

    /// The canonical response on the left, as recorded in a label's `left`.
    public static func left(rater: String, task: String) -> ResponseSide {
        leftIsA(rater: rater, task: task) ? .a : .b
    }
}
