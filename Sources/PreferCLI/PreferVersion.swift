/// The tool's version, as recorded in `session_start`'s `tool`.
public enum PreferVersion {
    public static let string = "0.1.0"
    public static var tool: String { "prefer \(string)" }
}
