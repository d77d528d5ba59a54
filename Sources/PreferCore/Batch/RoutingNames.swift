/// The numbers a batch's routing events use for raters, choices and sittings: each distinct
/// name is turned into a number once (by `BatchSessionFeed`, from the reader's interned
/// tables), so the ledger and router compare integers, and names come back only for display.
public struct RoutingNames: Sendable, Equatable {
    public private(set) var raters: [String] = []
    public private(set) var choices: [String] = []
    /// Session file names (unique within a rater's folder: `RoutingEvent.sitting`).
    public private(set) var sittings: [String] = []
    private var raterNumbers: [String: Int32] = [:]
    private var choiceNumbers: [String: Int32] = [:]
    private var sittingNumbers: [String: Int32] = [:]

    public init() {}

    /// The number of a rater (a new name gets the next one).
    public mutating func rater(_ name: String) -> Int32 { Self.number(name, &raters, &raterNumbers) }

    public mutating func choice(_ name: String) -> Int32 { Self.number(name, &choices, &choiceNumbers) }

    /// The number of the sitting a session file holds, by its name (the path's last part).
    public mutating func sitting(ofFile path: String) -> Int32 {
        Self.number(path.split(separator: "/").last.map(String.init) ?? path, &sittings, &sittingNumbers)
    }

    private static func number(_ name: String, _ names: inout [String], _ numbers: inout [String: Int32]) -> Int32 {
        if let number = numbers[name] { return number }
        let number = Int32(names.count)
        numbers[name] = number
        names.append(name)
        return number
    }
}
