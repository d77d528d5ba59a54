/// How a cell is drawn. Every distinction the screen makes is legible without colour
/// (bold, reverse, underline), so NO_COLOR and monochrome terminals lose nothing.
public struct TextStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let reverse = TextStyle(rawValue: 1 << 1)
    public static let underline = TextStyle(rawValue: 1 << 2)
    public static let dim = TextStyle(rawValue: 1 << 3)
    /// Drawn as underline where the terminal has no italic; marks Markdown emphasis.
    public static let italic = TextStyle(rawValue: 1 << 4)
    /// A placeholder for a hidden or control character (e.g. `␛`): reverse video.
    public static let placeholder = TextStyle(rawValue: 1 << 5)
    /// An optional colour accent (focus, badges); ignored under NO_COLOR.
    public static let accent = TextStyle(rawValue: 1 << 6)

    public static let plain: TextStyle = []
}
