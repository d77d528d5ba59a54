/// What `prefer label` uses when given no options: the built-in demo and guideline
/// (`BundledFile`), and `sessions` in the working folder.
enum LabelDefaults {
    static let sessions = "sessions"
}
