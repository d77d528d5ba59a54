import PreferCore

extension KeyBinding {
    /// The choice keys of `scale`, the same on every screen (`1` `2` `3/t` `4/x`; on the
    /// five-point scale `1`…`5` and `x`, as `4` is a value there), each screen naming the
    /// slots in `help` and `bar` (both-bad last) and the first keys' short-bar entry.
    static func choices(for scale: Scale, help: [String], bar: [String], firstShort: String) -> [KeyBinding] {
        switch scale {
        case .pairwise:
            return [
                KeyBinding([.character("1")], "1", .choose(slot: 0), help: help[0], bar: bar[0],
                           short: .init("1/2", firstShort)),
                KeyBinding([.character("2")], "2", .choose(slot: 1), help: help[1], bar: bar[1], short: .some(nil)),
                KeyBinding([.character("3"), .character("t")], "3/t", .choose(slot: 2), help: help[2], bar: bar[2],
                           short: .init("3", "tie")),
                KeyBinding([.character("4"), .character("x")], "4/x", .choose(slot: 3), help: help[3], bar: bar[3],
                           short: .init("4", "bad")),
            ]
        case .likert5:
            // The short bar names the five keys as one entry, ends of the scale first and last.
            return (0..<5).map { slot in
                let key = Character(String(slot + 1))
                return KeyBinding([.character(key)], String(key), .choose(slot: slot), help: help[slot], bar: bar[slot],
                                  short: .some(slot == 0 ? .init("1…5", firstShort) : nil))
            } + [KeyBinding([.character("x")], "x", .choose(slot: 5), help: help[5], bar: bar[5], short: .init("x", "bad"))]
        }
    }
}
