import PreferCore

/// The choice positions of a scale in screen terms (left/right), and their translation into
/// the canonical values that are recorded (A/B as in the task file).
public enum ChoiceSlots {
    /// What each slot means on screen, e.g. `["left better", "right better", "tie", "both bad"]`.
    public static func screenNames(for scale: Scale) -> [String] {
        switch scale {
        case .pairwise:
            return ["left is better", "right is better", "tie", "both are bad"]
        case .likert5:
            return ["left much better", "left better", "tie", "right better", "right much better", "both are bad"]
        }
    }

    /// The canonical value recorded for `slot` when canonical A is or is not on the left.
    public static func canonicalChoice(slot: Int, scale: Scale, leftIsA: Bool) -> String? {
        let values = scale.values
        let choices = scale.choices
        guard choices.indices.contains(slot) else { return nil }
        switch scale {
        case .pairwise:
            switch slot {
            case 0: return leftIsA ? "A" : "B"
            case 1: return leftIsA ? "B" : "A"
            default: return values[slot]
            }
        case .likert5:
            // A set-aside choice (both_bad) names no side, so it is the same either way round.
            guard values.indices.contains(slot) else { return choices[slot] }
            // The scale runs from "A much better" to "B much better"; mirrored when B is left.
            return leftIsA ? values[slot] : values[values.count - 1 - slot]
        }
    }
}
