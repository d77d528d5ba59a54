/// A screen mode with the two one-line fields, help and a failed end: each screen's `Mode`
/// cases satisfy the makers, and `openField` says which field is open.
protocol ScreenMode: Equatable {
    static func editingNote(_ text: String) -> Self
    static func searching(_ text: String) -> Self
    static func failed(_ text: String) -> Self
    static var help: Self { get }
    /// The open field (the note or the search) and its text; nil when none is open.
    var openField: (isNote: Bool, text: String)? { get }
    var isFailed: Bool { get }
}
